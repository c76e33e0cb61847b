/// An overall risk severity of the OWASP Risk Rating Methodology, from Note to Critical.
public enum Severity: String, Sendable, Encodable, CaseIterable, Comparable {
    case note = "Note"
    case low = "Low"
    case medium = "Medium"
    case high = "High"
    case critical = "Critical"

    /// 0 for Note up to 4 for Critical.
    public var rank: Int {
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
