/// How sensitive the user declared the training data to be; the impact side of risk scoring. The raw
/// value is the spelling everywhere: plans, `--data-sensitivity`, risk policies and results documents.
package enum DataSensitivity: String, Sendable, Equatable, Codable, CaseIterable {
    case low, medium, high

    /// "low, medium, high": the accepted values, for error messages.
    package static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
