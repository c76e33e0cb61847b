/// A MITRE ATLAS mitigation.
package struct AtlasMitigation: Sendable, Equatable, Encodable {
    package var id: String
    package var name: String
    package var oldName: String?
    package var introduced: String?
    /// "Policy", "Technical-ML" or "Technical-Cyber".
    package var category: String
    package var summary: String?
    package var note: String?
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.attribute("name")
        oldName = r.optional("oldName")
        introduced = r.optional("introduced")
        category = try r.attribute("category")
        summary = r.childText("summary")
        note = r.childText("note")
        location = r.location
    }
}
