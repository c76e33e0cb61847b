/// A lifecycle stage of the AI Security Matrix (開発工程).
package struct Stage: Sendable, Equatable, Encodable {
    package var id: String
    package var order: Int
    package var name: LocalizedName
    package var status: VerificationStatus
    package var note: String?
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        order = try r.int("order")
        name = try r.names()
        status = try r.status()
        note = r.childText("note")
        location = r.location
    }
}
