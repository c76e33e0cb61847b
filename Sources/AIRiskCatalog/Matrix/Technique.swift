/// An attack technique (攻撃手法) in a matrix cell, with its paper and the defenses that counter it.
package struct Technique: Sendable, Equatable, Encodable {
    /// Where an entry comes from: MBSD's matrix, or airisk placing a technique it implements.
    package enum Source: String, Sendable, Codable {
        case mbsd = "MBSD"
        case airisk
    }

    package var id: String
    /// The ``AttackClass`` (and so the cell) the technique belongs to.
    package var attackClass: String
    package var name: LocalizedName
    package var status: VerificationStatus
    package var source: Source
    package var url: String?
    package var paper: Paper?
    package var summary: String?
    /// Matrix defenses that counter this technique.
    package var defenses: [StatusLink]
    package var note: String?
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        attackClass = try r.attribute("class")
        name = try r.names()
        status = try r.status()
        let rawSource = try r.attribute("source")
        guard let source = Source(rawValue: rawSource) else {
            throw r.issue("technique source must be MBSD or airisk: \(rawSource)", id: id)
        }
        self.source = source
        url = r.optional("url")
        paper = try r.paper()
        summary = r.childText("summary")
        defenses = try r.children("defense") { (link) throws(CatalogError) in try StatusLink(link) }
        note = r.childText("note")
        location = r.location
    }
}
