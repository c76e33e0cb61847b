/// A kernel of the ai.onnx.ml domain (the classical machine-learning operators), which keeps its node
/// to name it in errors.
protocol ClassicalMLKernel: Kernel {
    var node: Node { get }
}

extension ClassicalMLKernel {
    static var domain: String { "ai.onnx.ml" }

    /// ``ClassicalMLError/invalidInput(node:opType:reason:)`` naming this kernel's node.
    func inputError(_ reason: String) -> ClassicalMLError {
        .invalidInput(node: node.name, opType: Self.opType, reason: reason)
    }
}
