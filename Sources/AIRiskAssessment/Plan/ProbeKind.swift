/// The three probes.
public enum ProbeKind: String, Sendable, CaseIterable, Codable {
    case membership
    case inversion
    case extraction
}
