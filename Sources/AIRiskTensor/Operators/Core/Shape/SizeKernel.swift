/// ONNX Size: the input's element count as an int64 scalar. Not differentiable.
struct SizeKernel: Kernel {
    static let opType = "Size"
    static let isDifferentiable = false
    let ctx: KernelContext

    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        return KernelOutput(outputs: [Tensor(int64Scalar: Int64(x.count))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        [nil]
    }
}
