/// A matrix defense mapped to the closest ATLAS mitigations and to the probes whose risk it reduces.
package struct DefenseMapping: Sendable, Equatable, Encodable, CatalogElement {
    package var defense: String
    package var status: VerificationStatus
    package var mitigations: [CatalogReference]
    package var reducesProbes: [CatalogReference]
    package var note: String?
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "mitigations": .children("mitigation"), "reducesProbes": .children("reduces", ref: "probe"),
        "note": .childText,
    ]
}
