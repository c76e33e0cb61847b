/// The bands that turn one measured probe metric into a 0–9 likelihood score.
package struct MetricThreshold: Sendable, Equatable, Encodable, CatalogElement {
    /// The metric's ID as probes report it, e.g. `membership.tpr_at_1pct_fpr`.
    package var id: String
    package var name: String
    /// "fraction" or "queries".
    package var unit: String
    /// Contiguous bands in ascending order of value.
    package var bands: [ScoreBand]
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "bands": .children("band")
    ]

    /// The likelihood score of a measured value; nil for NaN.
    package func score(for value: Double) -> Int? {
        guard !value.isNaN else { return nil }
        return bands.first { $0.contains(value) }?.score
    }
}
