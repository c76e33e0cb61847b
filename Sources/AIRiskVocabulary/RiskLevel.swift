/// OWASP Risk Rating's level for likelihood or impact: LOW (0 to <3), MEDIUM (3 to <6), HIGH (6 to 9).
/// Results documents spell it in lower case (``rawValue``: `low`); risk policies in upper case
/// (``policyName``: `LOW`).
package enum RiskLevel: String, Sendable, Equatable, Codable, CaseIterable {
    case low, medium, high

    /// The level OWASP assigns to a 0–9 score.
    package init(score: Double) {
        self = score < 3 ? .low : (score < 6 ? .medium : .high)
    }

    /// The policy file's spelling: "LOW", "MEDIUM", "HIGH".
    package var policyName: String { rawValue.uppercased() }

    /// The level a policy file spells `policyName` ("LOW"), nil for any other spelling.
    package init?(policyName: String) {
        guard let l = Self.allCases.first(where: { $0.policyName == policyName }) else { return nil }
        self = l
    }
}
