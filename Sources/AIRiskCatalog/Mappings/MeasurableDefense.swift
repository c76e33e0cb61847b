/// A defense airisk can apply itself and measure: an output wrapper, a query budget, or a training setting.
package struct MeasurableDefense: Sendable, Equatable, Encodable, CatalogElement {
    /// Where the defense acts.
    package enum Kind: String, Sendable, Codable, CaseIterable, CatalogEnumeration {
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

    static let xmlSources: [String: XMLSource] = [
        "implements": .children("implements", ref: "defense"), "mitigations": .children("mitigation"),
        "reducesProbes": .children("reduces", ref: "probe"), "note": .childText,
    ]
}
