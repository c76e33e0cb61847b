/// A defense from the catalog with everything the assessment knows about it.
public struct DefenseEvidence: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var nameJA: String?
    /// The matrix cell the defense belongs to.
    public var stageID: String
    public var classID: String
    public var evidence: EvidenceKind
    /// Risk metrics before and after, when measured.
    public var measurements: [DefenseMeasurement]
    /// Change in the model's accuracy behind the defense (negative = cost), when measured.
    public var utilityChange: Double?
    /// The catalog's source for the defense (paper or page).
    public var source: String?
    public var notes: String?
    /// The measured variant in the tool's defense syntax (e.g. `l2:0.01`, `query-limit:1000`); nil for
    /// catalog-only entries and in documents written before it existed.
    public var setting: String?

    public init(
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
