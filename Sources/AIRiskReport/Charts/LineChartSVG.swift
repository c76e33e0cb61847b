import AIRiskResults

/// A line chart of a ``Curve``: ROC curves on log-log axes with the random-guess diagonal, fidelity against
/// queries, and any other series the probes report.
enum LineChartSVG {
    static func render(_ curve: Curve, randomLabel: String) -> String {
        let xs = curve.series.flatMap { $0.points.map(\.x) }
        let ys = curve.series.flatMap { $0.points.map(\.y) }
        let x = ChartScale(
            values: xs, pixels: (PlotFrame.plotLeft, PlotFrame.plotRight), log: curve.logX)
        let y = ChartScale(
            values: curve.diagonal ? ys + xs : ys, pixels: (PlotFrame.plotBottom, PlotFrame.plotTop), log: curve.logY)
        var canvas = SVGCanvas(width: PlotFrame.width, height: PlotFrame.height)
        PlotFrame.draw(on: &canvas, title: curve.title, xLabel: curve.xLabel, yLabel: curve.yLabel, x: x, y: y)
        var legend: [(name: String, color: String, swatch: PlotFrame.Swatch)] = []
        if curve.diagonal {
            // y = x is a straight line on linear and on log-log axes alike.
            let lo = max(x.low, y.low)
            let hi = min(x.high, y.high)
            if lo < hi {
                canvas.line(
                    x.position(lo), y.position(lo), x.position(hi), y.position(hi), stroke: "#9aa5b1",
                    width: 1.5, dash: "5 4")
                legend.append((randomLabel, "#9aa5b1", .dashed))
            }
        }
        for (index, series) in curve.series.enumerated() {
            let color = SVGCanvas.palette[index % SVGCanvas.palette.count]
            let points = series.points.filter { x.accepts($0.x) && y.accepts($0.y) }
                .map { (x.position($0.x), y.position($0.y)) }
            canvas.polyline(thinned(points), stroke: color)
            legend.append((series.name, color, .line))
        }
        PlotFrame.legend(on: &canvas, entries: legend)
        let nonFinite = curve.series.flatMap(\.points).filter { !$0.x.isFinite || !$0.y.isFinite }.count
        PlotFrame.skippedNote(on: &canvas, count: nonFinite, what: "points")
        return canvas.svg(title: curve.title)
    }

    /// Drops points that land within half a pixel of the last one kept (a ROC curve over thousands of
    /// thresholds draws the same line with a few hundred), always keeping the last point.
    static func thinned(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 2 else { return points }
        var kept = [points[0]]
        for p in points.dropFirst().dropLast() {
            let last = kept[kept.count - 1]
            if abs(p.0 - last.0) >= 0.5 || abs(p.1 - last.1) >= 0.5 { kept.append(p) }
        }
        kept.append(points[points.count - 1])
        return kept
    }
}
