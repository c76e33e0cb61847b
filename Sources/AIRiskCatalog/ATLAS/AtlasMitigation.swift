/// A MITRE ATLAS mitigation.
public struct AtlasMitigation: Sendable, Equatable, Encodable {
    public var id: String
    public var name: String
    public var oldName: String?
    public var introduced: String?
    /// "Policy", "Technical-ML" or "Technical-Cyber".
    public var category: String
    public var summary: String?
    public var note: String?
    public var location: SourceLocation

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
