/// The bands that turn one measured probe metric into a 0–9 likelihood score.
package struct MetricThreshold: Sendable, Equatable, Encodable {
    /// The metric's ID as probes report it, e.g. `membership.tpr_at_1pct_fpr`.
    package var id: String
    package var name: String
    /// "fraction" or "queries".
    package var unit: String
    /// Contiguous bands in ascending order of value.
    package var bands: [ScoreBand]
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.attribute("name")
        unit = try r.attribute("unit")
        bands = try r.children("band", as: ScoreBand.init)
        location = r.location
    }

    /// The likelihood score of a measured value; nil for NaN.
    package func score(for value: Double) -> Int? {
        guard !value.isNaN else { return nil }
        return bands.first { $0.contains(value) }?.score
    }
}
