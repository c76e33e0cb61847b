/// One risk of the OWASP Machine Learning Security Top Ten 2023 (ML01–ML10).
package struct OwaspRisk: Sendable, Equatable, Encodable {
    package var id: String
    package var title: String
    /// The title the repo uses today, where it changed after 2023.
    package var currentTitle: String?
    package var summary: String
    package var exploitability: OwaspExploitability
    package var detectability: OwaspScore
    package var technicalImpact: OwaspScore
    package var threatAgent: String
    package var weakness: String
    package var impact: String
    package var prevention: [OwaspPrevention]
    package var note: String?
    package var location: SourceLocation

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
