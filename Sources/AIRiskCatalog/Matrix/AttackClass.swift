/// An attack class of the AI Security Matrix (攻撃分類); each belongs to one stage and forms one matrix cell.
public struct AttackClass: Sendable, Equatable, Encodable {
    public var id: String
    /// The ``Stage`` the class attacks.
    public var stage: String
    public var order: Int
    public var name: LocalizedName
    public var status: VerificationStatus
    public var summary: String?
    public var note: String?
    public var location: SourceLocation

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
