/// One operator type used by a model, with how many nodes use it (for `airisk inspect`).
public struct ONNXOperatorUse: Sendable, Equatable, Hashable {
    /// "" for ai.onnx, "ai.onnx.ml" for classical ML operators, or another custom domain.
    public var domain: String
    public var opType: String
    public var nodeCount: Int
    /// The name of the first node that uses it, for error messages.
    public var firstNode: String

    public init(domain: String, opType: String, nodeCount: Int, firstNode: String) {
        self.domain = domain
        self.opType = opType
        self.nodeCount = nodeCount
        self.firstNode = firstNode
    }

    /// "Gemm" for ai.onnx operators, "ai.onnx.ml.TreeEnsembleClassifier" for others.
    public var qualifiedName: String { domain.isEmpty ? opType : domain + "." + opType }
}
