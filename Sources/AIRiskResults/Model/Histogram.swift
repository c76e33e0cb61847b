/// Counts over shared bins, one series per group (e.g. member vs non-member scores).
package struct Histogram: Sendable, Equatable, Codable {
    package var title: String
    package var xLabel: String
    /// Bin edges, ascending; one more than each series' counts.
    package var edges: [Double]
    package var series: [HistogramSeries]

    package init(title: String, xLabel: String, edges: [Double], series: [HistogramSeries]) {
        self.title = title
        self.xLabel = xLabel
        self.edges = edges
        self.series = series
    }
}

/// One group's counts in a ``Histogram``.
package struct HistogramSeries: Sendable, Equatable, Codable {
    package var name: String
    package var counts: [Int]

    package init(name: String, counts: [Int]) {
        self.name = name
        self.counts = counts
    }
}
