/// A line chart's data: one or more series on shared axes (ROC curves, fidelity against queries).
public struct Curve: Sendable, Equatable, Codable {
    /// What code finds the curve by; nil in documents written before identities existed.
    public var id: MetricID?
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var logX: Bool
    public var logY: Bool
    /// Draw the y = x diagonal (the random-guess line of a ROC curve).
    public var diagonal: Bool
    public var series: [CurveSeries]

    public init(
        id: MetricID? = nil, title: String, xLabel: String, yLabel: String, logX: Bool = false,
        logY: Bool = false, diagonal: Bool = false, series: [CurveSeries]
    ) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logX = logX
        self.logY = logY
        self.diagonal = diagonal
        self.series = series
    }
}

/// One named line of a ``Curve``.
public struct CurveSeries: Sendable, Equatable, Codable {
    public var name: String
    public var points: [CurvePoint]

    public init(name: String, points: [CurvePoint]) {
        self.name = name
        self.points = points
    }
}

/// A point of a ``CurveSeries``.
public struct CurvePoint: Sendable, Equatable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
