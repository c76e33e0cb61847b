/// A likelihood or impact estimate: a 0–9 score and its level.
package struct RiskFactor: Sendable, Equatable, Codable {
    /// 0 (none) to 9 (certain / severe).
    package var score: Double
    package var level: RiskLevel

    package init(score: Double, level: RiskLevel) {
        self.score = score
        self.level = level
    }

    /// A factor whose level follows OWASP's thresholds for `score`.
    package init(score: Double) {
        self.init(score: score, level: RiskLevel(score: score))
    }
}
