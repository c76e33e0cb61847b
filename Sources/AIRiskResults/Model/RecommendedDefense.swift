/// A defense a finding recommends, with the evidence behind it.
public struct RecommendedDefense: Sendable, Equatable, Codable {
    /// The catalog defense id (e.g. def.mask-confidence).
    public var id: String
    public var name: String
    public var evidence: EvidenceKind
    /// The measured change, present when ``evidence`` is `.measured`.
    public var measurement: DefenseMeasurement?

    public init(id: String, name: String, evidence: EvidenceKind, measurement: DefenseMeasurement? = nil) {
        self.id = id
        self.name = name
        self.evidence = evidence
        self.measurement = measurement
    }
}
