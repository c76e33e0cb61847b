/// A metric before and after a defense was applied, from a re-run of the probe behind it.
package struct DefenseMeasurement: Sendable, Equatable, Codable {
    package var probeID: String
    /// The metric compared, in words (a ``Metric/name`` of that probe).
    package var metric: String
    /// What code reads the comparison by; nil in documents written before identities existed.
    package var metricID: MetricID?
    package var before: Double
    package var after: Double

    package init(probeID: String, metric: String, metricID: MetricID? = nil, before: Double, after: Double) {
        self.metricID = metricID
        self.probeID = probeID
        self.metric = metric
        self.before = before
        self.after = after
    }
}
