/// A defense airisk can apply itself and measure: an output wrapper, a query budget, or a training setting.
package struct MeasurableDefense: Sendable, Equatable, Encodable {
    /// Where the defense acts.
    package enum Kind: String, Sendable, Encodable {
        /// Wraps the model's outputs (round, top-k, label-only, noise, temperature).
        case output
        /// Limits access to the model (query budget).
        case access
        /// Changes how the model is trained (DP-SGD, L2).
        case training
    }

    package var id: String
    package var kind: Kind
    /// The name of its strength parameter (decimals, k, sigma, temperature, maxQueries, epsilon, lambda).
    package var parameter: String?
    package var name: LocalizedName
    package var status: VerificationStatus
    /// The matrix defenses it implements.
    package var implements: [CatalogReference]
    package var mitigations: [CatalogReference]
    package var reducesProbes: [CatalogReference]
    package var note: String?
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        let rawKind = try r.attribute("kind")
        guard let kind = Kind(rawValue: rawKind) else {
            throw r.issue("measurable defense kind must be output, access or training: \(rawKind)", id: id)
        }
        self.kind = kind
        parameter = r.optional("parameter")
        name = try r.names()
        status = try r.status()
        implements = try r.references("implements", attribute: "defense")
        mitigations = try r.references("mitigation")
        reducesProbes = try r.references("reduces", attribute: "probe")
        note = r.childText("note")
        location = r.location
    }
}
