/// Privacy against utility: each measured defense as a move from the model without it (hollow marker) to the
/// model behind it (filled marker, labelled with its setting), one colour, dash and marker per version, so the
/// trade-offs of two model versions read on the same axes.
enum TradeoffChartSVG {
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// One defense's what-if baseline and the figure behind it.
    struct Move {
        var label: String
        var before: Point
        var after: Point
    }

    struct Version {
        var name: String
        var moves: [Move]
    }

    static func render(
        title: String, xLabel: String, yLabel: String, versions: [Version], withoutLabel: String,
        chance: (value: Double, label: String)? = nil
    ) -> String {
        let points = versions.flatMap { $0.moves.flatMap { [$0.before, $0.after] } }
        // Utility often does not move at all (output defenses keep the top label): a narrow pad around one value
        // instead of the scale's unit-wide default.
        var xs = points.map(\.x).filter(\.isFinite)
        if let lo = xs.min(), let hi = xs.max(), hi - lo < 0.02 { xs += [lo - 0.01, hi + 0.01] }
        let x = ChartScale(values: xs, pixels: (PlotFrame.plotLeft, PlotFrame.plotRight), log: false)
        let y = ChartScale(
            values: points.map(\.y) + (chance.map { [$0.value] } ?? []),
            pixels: (PlotFrame.plotBottom, PlotFrame.plotTop), log: false)
        var canvas = SVGCanvas(width: PlotFrame.width, height: PlotFrame.height)
        PlotFrame.draw(on: &canvas, title: title, xLabel: xLabel, yLabel: yLabel, x: x, y: y)
        var legend: [PlotFrame.LegendEntry] = []
        if let chance, chance.value.isFinite {
            let py = y.position(chance.value)
            canvas.line(PlotFrame.plotLeft, py, PlotFrame.plotRight, py, stroke: "#3e4c59", width: 1.5, dash: "5 4")
            legend.append(.init(name: chance.label, swatch: .dashed("#3e4c59")))
        }
        // Labels are placed where they overlap no earlier one; a label with no room is left to its tooltip.
        var taken: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        func place(_ text: String, _ px: Double, _ py: Double) -> (Double, Double, String)? {
            let size = 9.5
            let w = SVGCanvas.textWidth(text, size: size)
            for (dx, dy, anchor) in [
                (6.0, -5.0, "start"), (6.0, 12.0, "start"), (-6.0, -5.0, "end"), (-6.0, 12.0, "end"),
            ] {
                let x0 = anchor == "start" ? px + dx : px + dx - w
                let box = (x0: x0, y0: py + dy - size, x1: x0 + w, y1: py + dy + 2)
                guard box.x0 >= PlotFrame.plotLeft, box.x1 <= PlotFrame.width - 2, box.y0 >= PlotFrame.plotTop - 4,
                    box.y1 <= PlotFrame.plotBottom
                else { continue }
                let clear = taken.allSatisfy { t in box.x1 < t.x0 || box.x0 > t.x1 || box.y1 < t.y0 || box.y0 > t.y1 }
                if clear {
                    taken.append(box)
                    return (px + dx, py + dy, anchor)
                }
            }
            return nil
        }
        for (index, version) in versions.enumerated() {
            let style = SeriesStyle(index: index)
            var drawnBefore: [Point] = []
            for move in version.moves {
                guard x.accepts(move.before.x), y.accepts(move.before.y), x.accepts(move.after.x),
                    y.accepts(move.after.y)
                else { continue }
                let (bx, by) = (x.position(move.before.x), y.position(move.before.y))
                let (ax, ay) = (x.position(move.after.x), y.position(move.after.y))
                canvas.line(bx, by, ax, ay, stroke: style.color, width: 1.2, dash: style.dash)
                if !drawnBefore.contains(move.before) {
                    drawnBefore.append(move.before)
                    canvas.circle(
                        bx, by, radius: 4, stroke: style.color,
                        title: "\(version.name) · \(withoutLabel): \(NumberFormat.short(move.before.x)), "
                            + NumberFormat.short(move.before.y))
                }
                let tooltip =
                    "\(version.name) · \(move.label): \(NumberFormat.short(move.before.x)) → "
                    + "\(NumberFormat.short(move.after.x)), \(NumberFormat.short(move.before.y)) → "
                    + NumberFormat.short(move.after.y)
                canvas.marker(style.marker, ax, ay, color: style.color, title: tooltip)
                if let (lx, ly, anchor) = place(move.label, ax, ay) {
                    canvas.text(lx, ly, move.label, anchor: anchor, size: 9.5, fill: style.color, title: tooltip)
                }
            }
            legend.append(.init(name: version.name, swatch: .line(style)))
        }
        legend.append(.init(name: withoutLabel, swatch: .ring("#52606d")))
        PlotFrame.legend(on: &canvas, entries: legend)
        let nonFinite = points.filter { !$0.x.isFinite || !$0.y.isFinite }.count
        PlotFrame.skippedNote(on: &canvas, count: nonFinite, what: "values")
        return canvas.svg(title: title)
    }
}
