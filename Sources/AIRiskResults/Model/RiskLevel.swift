/// OWASP Risk Rating's level for likelihood or impact: LOW (0 to <3), MEDIUM (3 to <6), HIGH (6 to 9).
public enum RiskLevel: String, Sendable, Equatable, Codable, CaseIterable {
    case low, medium, high

    /// The level OWASP assigns to a 0–9 score.
    public init(score: Double) {
        self = score < 3 ? .low : (score < 6 ? .medium : .high)
    }
}
