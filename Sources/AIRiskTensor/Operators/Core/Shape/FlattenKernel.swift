/// ONNX Flatten: (d0 … d[axis-1], d[axis] … dn) → 2-D.
struct FlattenKernel: ReshapingKernel, AxisKernel {
    static let opType = "Flatten"
    static let defaultAxis = 1
    let ctx: KernelContext
    let axis: Int
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let a = axis < 0 ? axis + x.rank : axis
        guard a >= 0 && a <= x.rank else { throw ctx.fail("axis \(axis) is out of range for rank \(x.rank)") }
        let shape = [Shape.product(x.shape, 0..<a), Shape.product(x.shape, a..<x.rank)]
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage)])
    }
}
