/// One risk of the OWASP Machine Learning Security Top Ten 2023 (ML01–ML10).
public struct OwaspRisk: Sendable, Equatable, Encodable {
    public var id: String
    public var title: String
    /// The title the repo uses today, where it changed after 2023.
    public var currentTitle: String?
    public var summary: String
    public var exploitability: OwaspExploitability
    public var detectability: OwaspScore
    public var technicalImpact: OwaspScore
    public var threatAgent: String
    public var weakness: String
    public var impact: String
    public var prevention: [OwaspPrevention]
    public var note: String?
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        title = try r.child("title").text
        currentTitle = r.childText("currentTitle")
        summary = try r.child("summary").text
        exploitability = try OwaspExploitability(r.child("exploitability"))
        detectability = try OwaspScore(r.child("detectability"))
        technicalImpact = try OwaspScore(r.child("technicalImpact"))
        threatAgent = try r.child("threatAgent").text
        weakness = try r.child("weakness").text
        impact = try r.child("impact").text
        prevention = r.children("prevention").map(OwaspPrevention.init)
        note = r.childText("note")
        location = r.location
    }
}
