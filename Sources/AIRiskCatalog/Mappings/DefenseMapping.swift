/// A matrix defense mapped to the closest ATLAS mitigations and to the probes whose risk it reduces.
public struct DefenseMapping: Sendable, Equatable, Encodable {
    public var defense: String
    public var status: VerificationStatus
    public var mitigations: [CatalogReference]
    public var reducesProbes: [CatalogReference]
    public var note: String?
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        defense = try r.attribute("defense")
        status = try r.status()
        mitigations = try r.references("mitigation")
        reducesProbes = try r.references("reduces", attribute: "probe")
        note = r.childText("note")
        location = r.location
    }
}
