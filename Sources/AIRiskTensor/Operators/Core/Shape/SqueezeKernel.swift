/// ONNX Squeeze: axes from the attribute (opset < 13) or the second input; none removes every 1.
struct SqueezeKernel: ReshapingKernel {
    static let opType = "Squeeze"
    let ctx: KernelContext
    let axesAttribute: [Int]?
    let axesFromInput: Bool
    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        axesFromInput = opset >= 13
        axesAttribute = axesFromInput ? nil : try ctx.ints("axes")
    }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let axes = axesFromInput ? try ctx.optionalIntValues(inputs, 1) : axesAttribute
        var shape: [Int]
        if let axes {
            var drop = Set<Int>()
            for a in axes {
                let n = try ctx.axis(a, rank: x.rank)
                guard x.shape[n] == 1 else {
                    throw ctx.fail("cannot squeeze axis \(a) of shape \(x.shape): size is not 1")
                }
                drop.insert(n)
            }
            shape = x.shape.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        } else {
            shape = x.shape.filter { $0 != 1 }
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage)])
    }
}
