/// A MITRE ATLAS technique or sub-technique, with its tactics and the mitigations ATLAS lists for it.
package struct AtlasTechnique: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    /// The current name (with "AI").
    package var name: String
    /// The name in the older ATLAS version (with "ML"), when it differs.
    package var oldName: String?
    /// When the entry did not exist in the older version: the version or date that added it.
    package var introduced: String?
    /// The parent technique of a sub-technique.
    package var parent: String?
    package var tactics: [CatalogReference]
    package var mitigations: [CatalogReference]
    package var note: String?
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "tactics": .children("tactic"), "mitigations": .children("mitigatedBy"), "note": .childText,
    ]
}
