/// The "How to Prevent" headings of a risk, verbatim; `version` tells editions apart where they differ (ML06).
package struct OwaspPrevention: Sendable, Equatable, Encodable {
    package var version: String?
    package var headings: [String]

    init(_ r: ElementReader) {
        version = r.optional("version")
        headings = r.children("heading").map(\.text)
    }
}
