/// An attack class of the AI Security Matrix (攻撃分類); each belongs to one stage and forms one matrix cell.
package struct AttackClass: Sendable, Equatable, Encodable {
    package var id: String
    /// The ``Stage`` the class attacks.
    package var stage: String
    package var order: Int
    package var name: LocalizedName
    package var status: VerificationStatus
    package var summary: String?
    package var note: String?
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        stage = try r.attribute("stage")
        order = try r.int("order")
        name = try r.names()
        status = try r.status()
        summary = r.childText("summary")
        note = r.childText("note")
        location = r.location
    }
}
