/// One operator type used by a model, with how many nodes use it (for `airisk inspect`).
package struct ONNXOperatorUse: Sendable, Equatable, Hashable {
    /// "" for ai.onnx, "ai.onnx.ml" for classical ML operators, or another custom domain.
    package var domain: String
    package var opType: String
    package var nodeCount: Int
    /// The name of the first node that uses it, for error messages.
    package var firstNode: String

    /// "Gemm" for ai.onnx operators, "ai.onnx.ml.TreeEnsembleClassifier" for others.
    package var qualifiedName: String { domain.isEmpty ? opType : domain + "." + opType }
}
