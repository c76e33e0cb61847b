/// A MITRE ATLAS technique or sub-technique, with its tactics and the mitigations ATLAS lists for it.
package struct AtlasTechnique: Sendable, Equatable, Encodable {
    package var id: String
    /// The current name (with "AI").
    package var name: String
    /// The name in the older ATLAS version (with "ML"), when it differs.
    package var oldName: String?
    /// When the entry did not exist in the older version: the version or date that added it.
    package var introduced: String?
    /// The parent technique of a sub-technique.
    package var parent: String?
    package var tactics: [String]
    package var mitigations: [String]
    package var note: String?
    package var location: SourceLocation
    /// Lines of the `<mitigatedBy>` and `<tactic>` links, for error messages.
    var linkLines: [String: Int]

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.attribute("name")
        oldName = r.optional("oldName")
        introduced = r.optional("introduced")
        parent = r.optional("parent")
        var lines: [String: Int] = [:]
        // The `ref` of every `name` child, noting the line each comes from.
        func refs(_ name: String) throws(CatalogError) -> [String] {
            try r.children(name) { (link) throws(CatalogError) in
                let ref = try link.attribute("ref")
                lines[ref] = link.element.line
                return ref
            }
        }
        tactics = try refs("tactic")
        mitigations = try refs("mitigatedBy")
        linkLines = lines
        note = r.childText("note")
        location = r.location
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, oldName, introduced, parent, tactics, mitigations, note, location
    }
}
