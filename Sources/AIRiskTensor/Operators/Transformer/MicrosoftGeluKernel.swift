/// com.microsoft Gelu, which onnxruntime's transformer optimiser and older exporters emit: the
/// exact erf form of GELU, with no attributes.
struct MicrosoftGeluKernel: Kernel {
    static let opType = "Gelu"
    static let domain = "com.microsoft"
    let inner: UnaryKernel<GeluFunction>

    init(node: Node, opset: Int) throws {
        var exact = node
        exact.attributes["approximate"] = nil
        inner = try UnaryKernel<GeluFunction>(node: exact, opset: opset)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput { try inner.forward(inputs) }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        try inner.backward(inputs: inputs, forward: forward, outputGradients: outputGradients)
    }
}
