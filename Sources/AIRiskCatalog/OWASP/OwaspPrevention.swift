/// The "How to Prevent" headings of a risk, verbatim; `version` tells editions apart where they differ (ML06).
package struct OwaspPrevention: Sendable, Equatable, Encodable, CatalogElement {
    package var version: String?
    package var headings: [String]

    static let xmlSources: [String: XMLSource] = [
        "headings": .children("heading")
    ]
}
