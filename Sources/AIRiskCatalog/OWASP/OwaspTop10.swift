/// The OWASP Machine Learning Security Top Ten, one edition.
package struct OwaspTop10: Sendable, Equatable, Encodable {
    package var edition: String
    package var version: String
    package var source: String
    package var url: String
    package var note: String?
    package var risks: [OwaspRisk]

    init(_ r: ElementReader) throws(CatalogError) {
        edition = try r.attribute("edition")
        version = try r.attribute("version")
        source = try r.attribute("source")
        url = try r.attribute("url")
        note = r.childText("note")
        risks = try r.children("risk", as: OwaspRisk.init)
    }
}
