/// The OWASP Machine Learning Security Top Ten, one edition.
package struct OwaspTop10: Sendable, Equatable, Encodable, CatalogElement {
    package var edition: String
    package var version: String
    package var source: String
    package var url: String
    package var note: String?
    package var risks: [OwaspRisk]

    static let xmlSources: [String: XMLSource] = [
        "note": .childText, "risks": .children("risk"),
    ]
}
