/// A MITRE ATLAS mitigation.
package struct AtlasMitigation: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    package var name: String
    package var oldName: String?
    package var introduced: String?
    /// "Policy", "Technical-ML" or "Technical-Cyber".
    package var category: String
    package var summary: String?
    package var note: String?
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "summary": .childText, "note": .childText,
    ]
}
