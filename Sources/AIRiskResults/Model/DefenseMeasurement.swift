/// A metric before and after a defense was applied, from a re-run of the probe behind it.
public struct DefenseMeasurement: Sendable, Equatable, Codable {
    public var probeID: String
    /// The metric compared (a ``Metric/name`` of that probe).
    public var metric: String
    public var before: Double
    public var after: Double

    public init(probeID: String, metric: String, before: Double, after: Double) {
        self.probeID = probeID
        self.metric = metric
        self.before = before
        self.after = after
    }
}
