/// The feature matrix of an ai.onnx.ml operator: its first dimension is the batch (a 1-D input
/// is one row), the remaining dimensions are flattened into features. Integer inputs are converted
/// to Float32 as onnxruntime does; a float64 input also keeps its Double values in ``doubles`` for
/// the kernels that compute in float64 (tree ensembles, Scaler, linear models), as onnxruntime's
/// double kernels do.
struct MLInput {
    var rows: Int
    var columns: Int
    var values: [Float]
    /// The float64 values, when the input was float64.
    var doubles: [Double]? = nil
    /// Whether the input was floating-point (and so can receive a gradient).
    var isFloat: Bool

    init(_ tensor: Tensor?, node: Node) throws {
        guard let tensor else {
            throw ClassicalMLError.invalidInput(node: node.name, opType: node.opType, reason: "input X is missing")
        }
        switch tensor.storage {
        case .float(let v):
            values = v
            isFloat = true
        case .double(let v):
            values = v.map { Float($0) }
            doubles = v
            isFloat = true
        case .int64(let v):
            values = v.map { Float($0) }
            isFloat = false
        case .bool(let v):
            values = v.map { $0 ? 1 : 0 }
            isFloat = false
        case .string:
            throw ClassicalMLError.invalidInput(
                node: node.name, opType: node.opType, reason: "input X is a string tensor; expected numbers")
        }
        rows = tensor.shape.count <= 1 ? 1 : tensor.shape[0]
        columns = rows == 0 ? (tensor.shape.dropFirst().reduce(1, *)) : values.count / rows
    }

    /// The first of `inputs`, which must have `features` columns (or, when `emptyAllowed`, no rows).
    init(_ inputs: [Tensor?], node: Node, features: Int, emptyAllowed: Bool = false) throws {
        try self.init(inputs.first ?? nil, node: node)
        guard columns == features || (emptyAllowed && rows == 0) else {
            throw ClassicalMLError.invalidInput(
                node: node.name, opType: node.opType,
                reason: "input X has \(columns) features; the model expects \(features)")
        }
    }
}
