/// What AveragePool and MaxPool share: the node's context, its window attributes (kernel_shape, pads,
/// strides, dilations, ceil_mode, auto_pad) and the window tables, built once per input shape.
struct PoolingWindow: Sendable {
    let context: NeuralNodeContext
    let window: SpatialWindow
    /// The window table of the last input spatial shape.
    let tables = LastValueCache<[Int], PoolWindowTable>()

    init(_ node: Node) throws {
        context = NeuralNodeContext(node)
        window = try SpatialWindow(context, requireKernelShape: true, supportsCeilMode: true)
    }

    /// The plan and the window table for input `x`.
    func table(_ x: PoolingInput) throws -> (plan: SpatialPlan, table: PoolWindowTable) {
        try table(spatial: x.spatial, planes: x.planes)
    }

    /// The plan and the window table for an input of spatial shape `spatial` and `planes` channel planes.
    func table(spatial: [Int], planes: Int) throws -> (plan: SpatialPlan, table: PoolWindowTable) {
        let plan = try window.plan(inputSpatial: spatial, kernel: window.kernelShape ?? [], planes: planes)
        return (plan, tables.value(for: plan.input) { PoolWindowTable(plan: plan) })
    }
}
