/// What a defense recommendation rests on.
package enum EvidenceKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// The probes were re-run behind the defense and the change measured.
    case measured
    /// Only the catalog's reference supports it.
    case catalog
}
