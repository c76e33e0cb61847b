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
        var owasp: [CatalogReference] = []
        for o in r.children("owasp") { owasp.append(try CatalogReference(o)) }
        self.owasp = owasp
        var atlas: [CatalogReference] = []
        for a in r.children("atlas") { atlas.append(try CatalogReference(a)) }
        self.atlas = atlas
        nist = try r.child("nist").text
        location = r.location
    }
}
