import AIRiskResults

/// A line chart of a ``Curve``: ROC curves on log-log axes with the random-guess diagonal, fidelity against
/// queries, and any other series the probes report. Each series has its own colour, dash and marker
/// (``SeriesStyle``); `marks` draws labelled vertical lines (the false-positive rates a policy scores) with each
/// series' value there marked.
enum LineChartSVG {
    static func render(_ curve: Curve, randomLabel: String, marks: [Double] = []) -> String {
        let xs = curve.series.flatMap { $0.points.map(\.x) }
        let ys = curve.series.flatMap { $0.points.map(\.y) }
        let x = ChartScale(
            values: xs, pixels: (PlotFrame.plotLeft, PlotFrame.plotRight), log: curve.logX)
        let y = ChartScale(
            values: curve.diagonal ? ys + xs : ys, pixels: (PlotFrame.plotBottom, PlotFrame.plotTop), log: curve.logY)
        var canvas = SVGCanvas(width: PlotFrame.width, height: PlotFrame.height)
        PlotFrame.draw(on: &canvas, title: curve.title, xLabel: curve.xLabel, yLabel: curve.yLabel, x: x, y: y)
        var legend: [PlotFrame.LegendEntry] = []
        if curve.diagonal {
            // y = x is a straight line on linear and on log-log axes alike.
            let lo = max(x.low, y.low)
            let hi = min(x.high, y.high)
            if lo < hi {
                canvas.line(
                    x.position(lo), y.position(lo), x.position(hi), y.position(hi), stroke: "#7b8794",
                    width: 1.5, dash: "5 4")
                legend.append(.init(name: randomLabel, swatch: .dashed("#7b8794")))
            }
        }
        let shownMarks = marks.filter { x.accepts($0) && $0 >= x.low && $0 <= x.high }
        for mark in shownMarks {
            let px = x.position(mark)
            canvas.line(px, PlotFrame.plotTop, px, PlotFrame.plotBottom, stroke: "#3e4c59", width: 1, dash: "1 3")
            canvas.text(px + 3, PlotFrame.plotTop + 10, NumberFormat.percent(mark), size: 9.5, fill: "#3e4c59")
        }
        for (index, series) in curve.series.enumerated() {
            let style = SeriesStyle(index: index)
            let points = series.points.filter { x.accepts($0.x) && y.accepts($0.y) }
            let pixels = thinned(points.map { (x.position($0.x), y.position($0.y)) })
            canvas.polyline(pixels, stroke: style.color, dash: style.dash)
            if shownMarks.isEmpty {
                for p in markerPoints(pixels) { canvas.marker(style.marker, p.0, p.1, color: style.color) }
            } else {
                for mark in shownMarks {
                    // The curve's value at the mark: the highest y reached at or below that x (a ROC is a step).
                    guard let value = points.filter({ $0.x <= mark * (1 + 1e-9) }).map(\.y).max() else { continue }
                    canvas.marker(
                        style.marker, x.position(mark), y.position(value), color: style.color,
                        title: "\(series.name): \(NumberFormat.short(value)) (FPR \(NumberFormat.percent(mark)))")
                }
            }
            legend.append(.init(name: series.name, swatch: .line(style)))
        }
        PlotFrame.legend(on: &canvas, entries: legend)
        let nonFinite = curve.series.flatMap(\.points).filter { !$0.x.isFinite || !$0.y.isFinite }.count
        PlotFrame.skippedNote(on: &canvas, count: nonFinite, what: "points")
        return canvas.svg(title: curve.title)
    }

    /// Where a series' markers go: every point of a short series, about eight evenly spaced ones otherwise.
    static func markerPoints(_ pixels: [(Double, Double)]) -> [(Double, Double)] {
        guard pixels.count > 12 else { return pixels }
        let step = Double(pixels.count - 1) / 7
        return (0...7).map { pixels[Int((Double($0) * step).rounded())] }
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
