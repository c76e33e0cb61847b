/// Where the assessed model came from.
package enum ModelSourceKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// A model file (ONNX).
    case file
    /// A live prediction endpoint.
    case endpoint
    /// A local command that answers predictions.
    case command
}
