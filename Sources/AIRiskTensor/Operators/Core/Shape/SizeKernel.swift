/// ONNX Size: the input's element count as an int64 scalar. Not differentiable.
struct SizeKernel: ForwardOnlyKernel, ContextKernel {
    static let opType = "Size"
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        return KernelOutput(outputs: [Tensor(int64Scalar: Int64(x.count))])
    }
}
