/// A line chart's data: one or more series on shared axes (ROC curves, fidelity against queries).
package struct Curve: Sendable, Equatable, Codable {
    /// What code finds the curve by; nil in documents written before identities existed.
    package var id: MetricID?
    package var title: String
    package var xLabel: String
    package var yLabel: String
    package var logX: Bool
    package var logY: Bool
    /// Draw the y = x diagonal (the random-guess line of a ROC curve).
    package var diagonal: Bool
    package var series: [CurveSeries]

    package init(
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
package struct CurveSeries: Sendable, Equatable, Codable {
    package var name: String
    package var points: [CurvePoint]

    package init(name: String, points: [CurvePoint]) {
        self.name = name
        self.points = points
    }
}

/// A point of a ``CurveSeries``.
package struct CurvePoint: Sendable, Equatable, Codable {
    package var x: Double
    package var y: Double

    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
