/// The cross-framework view of one attack class: OWASP risks, ATLAS techniques, NIST category.
package struct ClassMapping: Sendable, Equatable, Encodable, CatalogElement {
    package var attackClass: String
    package var status: VerificationStatus
    package var owasp: [CatalogReference]
    package var atlas: [CatalogReference]
    package var nist: String
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "attackClass": .attribute("class"), "owasp": .children("owasp"), "atlas": .children("atlas"),
        "nist": .childText,
    ]
}
