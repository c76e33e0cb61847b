/// A deployment context — an exposure (public API, internal, offline) or an access level — and the
/// points it adds to or takes from impact on the 0–9 scale.
package struct ImpactAdjustment: Sendable, Equatable, Encodable {
    package var id: String
    /// Points added to impact (negative: taken away).
    package var impact: Int
    package var description: String
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        impact = try r.int("impact")
        description = r.text
        location = r.location
    }
}
