/// ONNX Not: elementwise logical negation of a bool tensor.
struct NotKernel: ForwardOnlyKernel, ContextKernel {
    static let opType = "Not"
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        guard let v = x.bools else { throw ctx.inputError(0, "must be a bool tensor, got \(x.elementTypeName)") }
        return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .bool(v.map { !$0 }))])
    }
}
