/// A likelihood or impact estimate: a 0–9 score and its level.
public struct RiskFactor: Sendable, Equatable, Codable {
    /// 0 (none) to 9 (certain / severe).
    public var score: Double
    public var level: RiskLevel

    public init(score: Double, level: RiskLevel) {
        self.score = score
        self.level = level
    }

    /// A factor whose level follows OWASP's thresholds for `score`.
    public init(score: Double) {
        self.init(score: score, level: RiskLevel(score: score))
    }
}
