/// ONNX Not: elementwise logical negation of a bool tensor.
struct NotKernel: Kernel {
    static let opType = "Not"
    static let isDifferentiable = false
    let ctx: KernelContext

    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        guard let v = x.bools else { throw ctx.inputError(0, "must be a bool tensor, got \(x.elementTypeName)") }
        return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .bool(v.map { !$0 }))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] { [nil] }
}
