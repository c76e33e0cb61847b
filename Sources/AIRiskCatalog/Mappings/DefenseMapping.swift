/// A matrix defense mapped to the closest ATLAS mitigations and to the probes whose risk it reduces.
package struct DefenseMapping: Sendable, Equatable, Encodable {
    package var defense: String
    package var status: VerificationStatus
    package var mitigations: [CatalogReference]
    package var reducesProbes: [CatalogReference]
    package var note: String?
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        defense = try r.attribute("defense")
        status = try r.status()
        mitigations = try r.references("mitigation")
        reducesProbes = try r.references("reduces", attribute: "probe")
        note = r.childText("note")
        location = r.location
    }
}
