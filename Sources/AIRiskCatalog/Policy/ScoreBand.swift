/// Maps a metric value to a 0–9 likelihood score when `from <= value < to` (a missing bound is open).
package struct ScoreBand: Sendable, Equatable, Encodable, CatalogElement {
    package var from: Double?
    package var to: Double?
    package var score: Int
    package var location: SourceLocation

    package func contains(_ value: Double) -> Bool {
        (from.map { value >= $0 } ?? true) && (to.map { value < $0 } ?? true)
    }
}
