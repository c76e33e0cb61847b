/// Maps a metric value to a 0–9 likelihood score when `from <= value < to` (a missing bound is open).
package struct ScoreBand: Sendable, Equatable, Encodable {
    package var from: Double?
    package var to: Double?
    package var score: Int
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        from = try r.double("from")
        to = try r.double("to")
        score = try r.int("score")
        location = r.location
    }

    package func contains(_ value: Double) -> Bool {
        (from.map { value >= $0 } ?? true) && (to.map { value < $0 } ?? true)
    }
}
