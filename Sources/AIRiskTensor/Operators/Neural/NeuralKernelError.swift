/// Why a convolution, pooling, normalisation or recurrent kernel rejected a node or its inputs.
///
/// Every case names the operator and the node so that a user can find the offending node in
/// their model (for example with `airisk inspect`).
package enum NeuralKernelError: Error, CustomStringConvertible, Sendable {
    /// An attribute is missing, has the wrong type, or holds a value the operator does not allow.
    case invalidAttribute(opType: String, node: String, attribute: String, reason: String)
    /// A legal ONNX feature that this engine does not implement.
    case unsupported(opType: String, node: String, feature: String)
    /// An input is missing or its shape or element type does not fit the operator.
    case invalidInput(opType: String, node: String, input: String, reason: String)
    /// The output or the window work would exceed ``TensorBudget/maxBytes``, or its size overflows.
    case outputTooLarge(opType: String, node: String, what: String, limit: Int)

    package var description: String {
        switch self {
        case .invalidAttribute(let op, let node, let attribute, let reason):
            "\(op) node '\(node)': attribute '\(attribute)' \(reason)"
        case .unsupported(let op, let node, let feature):
            "\(op) node '\(node)': \(feature) is not supported by airisk's engine"
        case .invalidInput(let op, let node, let input, let reason):
            "\(op) node '\(node)': input '\(input)' \(reason)"
        case .outputTooLarge(let op, let node, let what, let limit):
            "\(op) node '\(node)': \(what), more than the engine's ceiling of \(limit) bytes per value; "
                + "the model is damaged or hostile (check its pads, strides and kernel_shape)"
        }
    }
}
