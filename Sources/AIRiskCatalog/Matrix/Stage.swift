/// A lifecycle stage of the AI Security Matrix (開発工程).
package struct Stage: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    package var order: Int
    package var name: LocalizedName
    package var status: VerificationStatus
    package var note: String?
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "note": .childText
    ]
}
