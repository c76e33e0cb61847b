/// A defense a finding recommends, with the evidence behind it.
package struct RecommendedDefense: Sendable, Equatable, Codable {
    /// The catalog defense id (e.g. def.mask-confidence).
    package var id: String
    package var name: String
    package var evidence: EvidenceKind
    /// The measured change, present when ``evidence`` is `.measured`.
    package var measurement: DefenseMeasurement?

    package init(id: String, name: String, evidence: EvidenceKind, measurement: DefenseMeasurement? = nil) {
        self.id = id
        self.name = name
        self.evidence = evidence
        self.measurement = measurement
    }
}
