/// What one probe measured, with enough raw data (tables, curves, histograms, images) to draw its report section.
public struct ProbeResult: Sendable, Equatable, Codable {
    /// membership, inversion or extraction (or a later probe's id).
    public var id: String
    public var title: String
    /// The access the probe assumed: white-box, scores or labels-only.
    public var accessAssumed: String
    public var queries: QueryUsage
    /// Wall-clock seconds the probe took.
    public var wallTimeSeconds: Double
    /// The probe's own seed, derived from the assessment seed.
    public var seed: UInt64
    public var status: ProbeStatus
    /// Free-text remarks for the reader, in the order they arose.
    public var notes: [String]
    /// The numbers a reader looks at first (AUC, TPR at 1 % FPR, fidelity, …).
    public var metrics: [Metric]
    public var tables: [ResultTable]
    public var curves: [Curve]
    public var histograms: [Histogram]
    public var images: [ImageArtifact]

    public init(
        id: String, title: String, accessAssumed: String, queries: QueryUsage = QueryUsage(),
        wallTimeSeconds: Double = 0, seed: UInt64, status: ProbeStatus = .ran, notes: [String] = [],
        metrics: [Metric] = [], tables: [ResultTable] = [], curves: [Curve] = [], histograms: [Histogram] = [],
        images: [ImageArtifact] = []
    ) {
        self.id = id
        self.title = title
        self.accessAssumed = accessAssumed
        self.queries = queries
        self.wallTimeSeconds = wallTimeSeconds
        self.seed = seed
        self.status = status
        self.notes = notes
        self.metrics = metrics
        self.tables = tables
        self.curves = curves
        self.histograms = histograms
        self.images = images
    }

    /// The headline metric with this name, if the probe reported it.
    public func metric(_ id: MetricID) -> Metric? {
        metrics.first { $0.id == id }
    }

    public func metric(named name: String) -> Metric? {
        metrics.first { $0.name == name }
    }
}
