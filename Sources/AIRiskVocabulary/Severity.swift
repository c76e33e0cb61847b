/// A finding's overall severity (OWASP Risk Rating, with `note` for informational results), from Note to
/// Critical. Ordered. Results documents spell it in lower case (``rawValue``: `note`); risk policies spell it
/// capitalised (``policyName``: `Note`).
package enum Severity: String, Sendable, Equatable, Codable, CaseIterable, Comparable {
    case note, low, medium, high, critical

    /// 0 for Note up to 4 for Critical.
    package var rank: Int {
        switch self {
        case .note: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// The policy file's spelling: "Note", "Low", "Medium", "High", "Critical".
    package var policyName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The severity a policy file spells `policyName` ("Critical"), nil for any other spelling.
    package init?(policyName: String) {
        guard let s = Self.allCases.first(where: { $0.policyName == policyName }) else { return nil }
        self = s
    }

    package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
