/// A lifecycle stage of the AI Security Matrix (開発工程).
public struct Stage: Sendable, Equatable, Encodable {
    public var id: String
    public var order: Int
    public var name: LocalizedName
    public var status: VerificationStatus
    public var note: String?
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        order = try r.int("order")
        name = try r.names()
        status = try r.status()
        note = r.childText("note")
        location = r.location
    }
}
