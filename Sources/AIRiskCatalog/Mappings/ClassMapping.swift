/// The cross-framework view of one attack class: OWASP risks, ATLAS techniques, NIST category.
public struct ClassMapping: Sendable, Equatable, Encodable {
    public var attackClass: String
    public var status: VerificationStatus
    public var owasp: [CatalogReference]
    public var atlas: [CatalogReference]
    public var nist: String
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        attackClass = try r.attribute("class")
        status = try r.status()
        owasp = try r.references("owasp")
        atlas = try r.references("atlas")
        nist = try r.child("nist").text
        location = r.location
    }
}
