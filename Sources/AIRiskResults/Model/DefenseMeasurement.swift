/// A metric before and after a defense was applied, from a re-run of the probe behind it.
public struct DefenseMeasurement: Sendable, Equatable, Codable {
    public var probeID: String
    /// The metric compared, in words (a ``Metric/name`` of that probe).
    public var metric: String
    /// What code reads the comparison by; nil in documents written before identities existed.
    public var metricID: MetricID?
    public var before: Double
    public var after: Double

    public init(probeID: String, metric: String, metricID: MetricID? = nil, before: Double, after: Double) {
        self.metricID = metricID
        self.probeID = probeID
        self.metric = metric
        self.before = before
        self.after = after
    }
}
