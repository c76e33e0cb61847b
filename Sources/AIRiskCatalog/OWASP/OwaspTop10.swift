/// The OWASP Machine Learning Security Top Ten, one edition.
public struct OwaspTop10: Sendable, Equatable, Encodable {
    public var edition: String
    public var version: String
    public var source: String
    public var url: String
    public var note: String?
    public var risks: [OwaspRisk]

    init(_ r: ElementReader) throws(CatalogError) {
        edition = try r.attribute("edition")
        version = try r.attribute("version")
        source = try r.attribute("source")
        url = try r.attribute("url")
        note = r.childText("note")
        var risks: [OwaspRisk] = []
        for risk in r.children("risk") { risks.append(try OwaspRisk(risk)) }
        self.risks = risks
    }
}
