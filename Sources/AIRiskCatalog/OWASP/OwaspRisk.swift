/// One risk of the OWASP Machine Learning Security Top Ten 2023 (ML01–ML10).
package struct OwaspRisk: Sendable, Equatable, Encodable, CatalogElement {
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

    static let xmlSources: [String: XMLSource] = [
        "title": .childText, "currentTitle": .childText, "summary": .childText, "threatAgent": .childText,
        "weakness": .childText, "impact": .childText, "prevention": .children("prevention"), "note": .childText,
    ]
}
