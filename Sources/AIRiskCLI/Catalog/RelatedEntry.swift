import AIRiskCatalog

/// One entry linked to the entry being shown, and how it is linked.
struct RelatedEntry: Encodable, Equatable {
    /// The relation in words, e.g. "ATLAS mitigations", "probes", "matrix defenses".
    var relation: String
    var id: String
    var kind: CatalogEntryKind
    var name: String
    /// Extra detail, e.g. an ATLAS entry's old name.
    var detail: String?
}
