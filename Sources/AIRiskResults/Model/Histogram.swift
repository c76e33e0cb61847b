/// Counts over shared bins, one series per group (e.g. member vs non-member scores).
public struct Histogram: Sendable, Equatable, Codable {
    public var title: String
    public var xLabel: String
    /// Bin edges, ascending; one more than each series' counts.
    public var edges: [Double]
    public var series: [HistogramSeries]

    public init(title: String, xLabel: String, edges: [Double], series: [HistogramSeries]) {
        self.title = title
        self.xLabel = xLabel
        self.edges = edges
        self.series = series
    }
}

/// One group's counts in a ``Histogram``.
public struct HistogramSeries: Sendable, Equatable, Codable {
    public var name: String
    public var counts: [Int]

    public init(name: String, counts: [Int]) {
        self.name = name
        self.counts = counts
    }
}
