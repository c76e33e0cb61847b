/// A defense from the catalog with everything the assessment knows about it.
package struct DefenseEvidence: Sendable, Equatable, Codable {
    package var id: String
    package var name: String
    package var nameJA: String?
    /// The matrix cell the defense belongs to.
    package var stageID: String
    package var classID: String
    package var evidence: EvidenceKind
    /// Risk metrics before and after, when measured.
    package var measurements: [DefenseMeasurement]
    /// Change in the model's accuracy behind the defense (negative = cost), when measured.
    package var utilityChange: Double?
    /// The catalog's source for the defense (paper or page).
    package var source: String?
    package var notes: String?
    /// The measured variant in the tool's defense syntax (e.g. `l2:0.01`, `query-limit:1000`); nil for
    /// catalog-only entries and in documents written before it existed.
    package var setting: String?

    package init(
        id: String, name: String, nameJA: String? = nil, stageID: String, classID: String, evidence: EvidenceKind,
        measurements: [DefenseMeasurement] = [], utilityChange: Double? = nil, source: String? = nil,
        notes: String? = nil, setting: String? = nil
    ) {
        self.setting = setting
        self.id = id
        self.name = name
        self.nameJA = nameJA
        self.stageID = stageID
        self.classID = classID
        self.evidence = evidence
        self.measurements = measurements
        self.utilityChange = utilityChange
        self.source = source
        self.notes = notes
    }
}
