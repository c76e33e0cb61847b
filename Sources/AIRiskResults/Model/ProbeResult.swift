/// What one probe measured, with enough raw data (tables, curves, histograms, images) to draw its report section.
package struct ProbeResult: Sendable, Equatable, Codable {
    /// membership, inversion or extraction (or a later probe's id).
    package var id: String
    package var title: String
    /// The access the probe assumed: white-box, scores or labels-only.
    package var accessAssumed: String
    package var queries: QueryUsage
    /// Wall-clock seconds the probe took.
    package var wallTimeSeconds: Double
    /// The probe's own seed, derived from the assessment seed.
    package var seed: UInt64
    package var status: ProbeStatus
    /// Free-text remarks for the reader, in the order they arose.
    package var notes: [String]
    /// The numbers a reader looks at first (AUC, TPR at 1 % FPR, fidelity, …).
    package var metrics: [Metric]
    package var tables: [ResultTable]
    package var curves: [Curve]
    package var histograms: [Histogram]
    package var images: [ImageArtifact]

    package init(
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
    package func metric(_ id: MetricID) -> Metric? {
        metrics.first { $0.id == id }
    }

    package func metric(named name: String) -> Metric? {
        metrics.first { $0.name == name }
    }
}
