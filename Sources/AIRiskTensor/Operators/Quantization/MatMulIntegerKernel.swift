/// ONNX MatMulInteger (opset 10): the int32 product of two 8-bit integer matrices after subtracting their zero
/// points. Not differentiable.
struct MatMulIntegerKernel: ForwardOnlyKernel {
    static let opType = "MatMulInteger"
    let product: IntegerMatMul

    init(node: Node, opset: Int) throws { product = try IntegerMatMul(node: node, opset: opset) }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let ctx = product.ctx
        let (shape, values) = try product.product(
            a: try ctx.input(inputs, 0), b: try ctx.input(inputs, 1), aZero: ctx.optionalInput(inputs, 2),
            bZero: ctx.optionalInput(inputs, 3), inputs: (0, 1, 2, 3))
        return KernelOutput(outputs: [Tensor(shape: shape, int64: values.map { Int64(Int32(truncatingIfNeeded: $0)) })])
    }
}
