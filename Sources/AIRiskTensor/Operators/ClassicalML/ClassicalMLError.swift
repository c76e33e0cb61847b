/// A problem with an ai.onnx.ml node's attributes or inputs, naming the node and operator.
package enum ClassicalMLError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingAttribute(node: String, opType: String, attribute: String)
    case invalidAttribute(node: String, opType: String, attribute: String, reason: String)
    case invalidInput(node: String, opType: String, reason: String)

    package var description: String {
        switch self {
        case .missingAttribute(let node, let op, let attribute):
            "\(op) node '\(node)': required attribute '\(attribute)' is missing"
        case .invalidAttribute(let node, let op, let attribute, let reason):
            "\(op) node '\(node)': attribute '\(attribute)' \(reason)"
        case .invalidInput(let node, let op, let reason):
            "\(op) node '\(node)': \(reason)"
        }
    }
}
