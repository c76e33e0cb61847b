/// An OWASP Risk Rating level, for likelihood and for impact.
public enum RiskLevel: String, Sendable, Encodable, CaseIterable {
    case low = "LOW"
    case medium = "MEDIUM"
    case high = "HIGH"
}
