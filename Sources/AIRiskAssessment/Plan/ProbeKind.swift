/// The three probes.
package enum ProbeKind: String, Sendable, CaseIterable, Codable {
    case membership
    case inversion
    case extraction
}
