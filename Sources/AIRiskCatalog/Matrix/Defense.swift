/// A defense (防御手法) listed in one or more matrix cells.
public struct Defense: Sendable, Equatable, Encodable {
    public var id: String
    public var name: LocalizedName
    public var status: VerificationStatus
    /// The attack classes (cells) that list this defense.
    public var cells: [StatusLink]
    public var url: String?
    public var paper: Paper?
    public var summary: String?
    public var note: String?
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.names()
        status = try r.status()
        var cells: [StatusLink] = []
        for c in r.children("cell") { cells.append(try StatusLink(c, attribute: "class")) }
        self.cells = cells
        url = r.optional("url")
        paper = try r.paper()
        summary = r.childText("summary")
        note = r.childText("note")
        location = r.location
    }
}
