import AIRiskAccess
import AIRiskONNX

/// The layer sizes of a deployed ONNX model that is a multilayer perceptron or a (multinomial) logistic
/// model, read from its graph, so a training-side defense can be measured on a retrain of the same shape.
struct MLPArchitecture: Sendable, Equatable {
    var hiddenSizes: [Int]

    /// Operators that make a model something other than dense layers with elementwise activations.
    static let structural = ["Conv", "Pool", "LSTM", "GRU", "RNN", "Tree", "SVM", "Normalization", "Attention"]

    /// Nil when the model is not an ONNX MLP or logistic model.
    init?(_ model: any ModelAccess) {
        guard let onnx = model as? ONNXModelAccess else { return nil }
        let graph = onnx.model.graph
        if graph.nodes.contains(where: { n in Self.structural.contains { n.opType.contains($0) } }) { return nil }
        var sizes = [onnx.description.featureCount]
        var sawLinearClassifier = false
        for node in graph.nodes {
            if node.opType == "LinearClassifier" { sawLinearClassifier = true }
            guard node.opType == "MatMul" || node.opType == "Gemm", node.inputs.count >= 2,
                let w = graph.initializers[node.inputs[1]], w.shape.count == 2
            else { continue }
            let previous = sizes[sizes.count - 1]
            if w.shape[0] == previous {
                sizes.append(w.shape[1])
            } else if w.shape[1] == previous {
                sizes.append(w.shape[0])
            } else {
                return nil
            }
        }
        if sizes.count == 1 {
            guard sawLinearClassifier else { return nil }
            hiddenSizes = []
            return
        }
        guard sizes.last == onnx.description.outputWidth || (sizes.last == 1 && onnx.description.outputWidth == 2)
        else { return nil }
        hiddenSizes = Array(sizes.dropFirst().dropLast())
    }
}
