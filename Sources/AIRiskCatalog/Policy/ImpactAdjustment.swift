/// A deployment context — an exposure (public API, internal, offline) or an access level — and the
/// points it adds to or takes from impact on the 0–9 scale.
package struct ImpactAdjustment: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    /// Points added to impact (negative: taken away).
    package var impact: Int
    package var description: String
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "description": .text
    ]
}
