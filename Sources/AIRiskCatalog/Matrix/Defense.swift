/// A defense (防御手法) listed in one or more matrix cells.
package struct Defense: Sendable, Equatable, Encodable {
    package var id: String
    package var name: LocalizedName
    package var status: VerificationStatus
    /// The attack classes (cells) that list this defense.
    package var cells: [StatusLink]
    package var url: String?
    package var paper: Paper?
    package var summary: String?
    package var note: String?
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.names()
        status = try r.status()
        cells = try r.children("cell") { (cell) throws(CatalogError) in try StatusLink(cell, attribute: "class") }
        url = r.optional("url")
        paper = try r.paper()
        summary = r.childText("summary")
        note = r.childText("note")
        location = r.location
    }
}
