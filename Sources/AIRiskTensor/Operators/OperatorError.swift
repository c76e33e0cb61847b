/// A failure inside one operator, naming the node and the operator so a user can find it in
/// the model.
package enum OperatorError: Error, CustomStringConvertible, Equatable {
    /// An attribute is missing, has the wrong type or an invalid value.
    case invalidAttribute(node: String, opType: String, attribute: String, reason: String)
    /// A required input is absent.
    case missingInput(node: String, opType: String, index: Int)
    /// An input has an element type or shape the operator cannot accept.
    case invalidInput(node: String, opType: String, index: Int, reason: String)
    /// The operator cannot run with this combination of inputs or attributes.
    case unsupported(node: String, opType: String, reason: String)
    /// The output would exceed ``TensorBudget/maxBytes`` (or its size overflows).
    case outputTooLarge(node: String, opType: String, shape: [Int], elementType: String, limit: Int)

    package var description: String {
        switch self {
        case .invalidAttribute(let node, let op, let attribute, let reason):
            "node '\(node)' (\(op)): attribute '\(attribute)' \(reason)"
        case .missingInput(let node, let op, let index):
            "node '\(node)' (\(op)): required input \(index) is missing"
        case .invalidInput(let node, let op, let index, let reason):
            "node '\(node)' (\(op)): input \(index) \(reason)"
        case .unsupported(let node, let op, let reason):
            "node '\(node)' (\(op)): \(reason)"
        case .outputTooLarge(let node, let op, let shape, let type, let limit):
            "node '\(node)' (\(op)): an output of shape \(shape) (\(type)) would need "
                + "\(TensorBudget.describe(shape, ElementKind(rawValue: type) ?? .float)), more than the engine's "
                + "ceiling of \(limit) bytes per value; the model is damaged or hostile"
        }
    }
}
