/// A finding's overall severity (OWASP Risk Rating, with `note` for informational results). Ordered.
public enum Severity: String, Sendable, Equatable, Codable, CaseIterable, Comparable {
    case note, low, medium, high, critical

    var rank: Int {
        switch self {
        case .note: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
