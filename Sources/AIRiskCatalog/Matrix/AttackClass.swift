/// An attack class of the AI Security Matrix (攻撃分類); each belongs to one stage and forms one matrix cell.
package struct AttackClass: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    /// The ``Stage`` the class attacks.
    package var stage: String
    package var order: Int
    package var name: LocalizedName
    package var status: VerificationStatus
    package var summary: String?
    package var note: String?
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "summary": .childText, "note": .childText,
    ]
}
