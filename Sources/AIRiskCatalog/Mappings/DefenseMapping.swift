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
        var mitigations: [CatalogReference] = []
        for m in r.children("mitigation") { mitigations.append(try CatalogReference(m)) }
        self.mitigations = mitigations
        var probes: [CatalogReference] = []
        for p in r.children("reduces") { probes.append(try CatalogReference(p, attribute: "probe")) }
        reducesProbes = probes
        note = r.childText("note")
        location = r.location
    }
}
