/// The "How to Prevent" headings of a risk, verbatim; `version` tells editions apart where they differ (ML06).
public struct OwaspPrevention: Sendable, Equatable, Encodable {
    public var version: String?
    public var headings: [String]

    init(_ r: ElementReader) {
        version = r.optional("version")
        headings = r.children("heading").map(\.text)
    }
}
