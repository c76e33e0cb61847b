/// How sensitive the user declared the training data to be; the impact side of risk scoring.
public enum DataSensitivity: String, Sendable, Equatable, Codable, CaseIterable {
    case low, medium, high
}
