import AIRiskAssessment
import AIRiskONNX
import AIRiskTensor

/// The architecture of a supplied ONNX model, when it is one the in-process trainer can copy: a
/// (multi-)logistic model or an MLP of dense layers. Shadow and reference models, and the retrains that
/// measure training-side defenses, then share the target's architecture, as those attacks and measurements
/// assume.
enum ONNXArchitecture {
    /// Operators that do not change an MLP's architecture (activations, plumbing, label lookup).
    static let transparent: Set<String> = [
        "Add", "Relu", "Tanh", "Sigmoid", "Softmax", "LogSoftmax", "Cast", "Identity", "Reshape", "Flatten",
        "ArgMax", "ArrayFeatureExtractor", "ZipMap", "Normalizer", "Scaler", "Dropout", "Constant",
    ]

    /// The layer sizes, or nil when the graph is not a plain MLP or logistic model.
    static func read(_ model: ONNXModel) -> MLPArchitecture? {
        // Scaling before the first dense layer (a Normalizer after it normalises the probabilities).
        let dense: Set<String> = ["MatMul", "Gemm", "LinearClassifier"]
        let scales = model.graph.nodes.prefix { !dense.contains($0.opType) }.contains {
            $0.opType == "Scaler" || $0.opType == "Normalizer"
        }
        return hiddenSizes(of: model).map { MLPArchitecture(hiddenSizes: $0, scalesInputs: scales) }
    }

    /// Hidden layer widths ([] for a logistic model), or nil when the graph is not a plain MLP.
    static func hiddenSizes(of model: ONNXModel) -> [Int]? {
        let g = model.graph
        var widths: [(Int, Int)] = []
        for node in g.nodes {
            switch node.opType {
            case "LinearClassifier":
                return []
            case "MatMul", "Gemm":
                guard let w = node.inputs.dropFirst().first.flatMap({ g.initializers[$0] }), w.shape.count == 2 else {
                    return nil
                }
                var (rows, cols) = (w.shape[0], w.shape[1])
                if node.opType == "Gemm", case .int(1)? = node.attributes["transB"] { swap(&rows, &cols) }
                widths.append((rows, cols))
            default:
                if !transparent.contains(node.opType) { return nil }
            }
        }
        guard !widths.isEmpty else { return nil }
        for i in 1..<widths.count where widths[i].0 != widths[i - 1].1 { return nil }
        return widths.dropLast().map(\.1)
    }
}
