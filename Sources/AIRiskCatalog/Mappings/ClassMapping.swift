/// The cross-framework view of one attack class: OWASP risks, ATLAS techniques, NIST category.
package struct ClassMapping: Sendable, Equatable, Encodable {
    package var attackClass: String
    package var status: VerificationStatus
    package var owasp: [CatalogReference]
    package var atlas: [CatalogReference]
    package var nist: String
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        attackClass = try r.attribute("class")
        status = try r.status()
        owasp = try r.references("owasp")
        atlas = try r.references("atlas")
        nist = try r.child("nist").text
        location = r.location
    }
}
