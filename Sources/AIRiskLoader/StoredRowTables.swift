import AIRiskAssessment
import AIRiskONNX
import AIRiskTensor

/// The feature rows an ONNX file keeps verbatim, for ``StoredRowTable``: SVM support vectors, and every float
/// constant of shape [rows, width] (how converters store a k-nearest-neighbours reference set).
enum StoredRowTables {
    static func read(_ model: ONNXModel, width: Int) -> [StoredRowTable] {
        guard width > 0 else { return [] }
        var tables: [StoredRowTable] = []
        for node in model.graph.nodes where node.opType == "SVMClassifier" || node.opType == "SVMRegressor" {
            if case .floats(let v)? = node.attributes["support_vectors"], !v.isEmpty, v.count % width == 0 {
                tables.append(
                    StoredRowTable(origin: "\(node.opType) '\(node.name)' support_vectors", values: v, width: width))
            }
        }
        for (name, tensor) in model.graph.initializers.sorted(by: { $0.key < $1.key }) {
            guard tensor.shape.count == 2, tensor.shape[1] == width, tensor.shape[0] >= 2,
                let values = tensor.floats ?? tensor.doubles?.map({ Float($0) })
            else { continue }
            tables.append(StoredRowTable(origin: "constant '\(name)' \(tensor.shape)", values: values, width: width))
        }
        return tables
    }
}
