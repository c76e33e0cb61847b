import Foundation

/// Grouped vertical bars, e.g. a risk metric before and after each measured defense, with an optional dashed
/// line at the value a random guess scores.
enum BarChartSVG {
    struct Group {
        var label: String
        var values: [Double]
    }

    /// The longest a group label may be drawn, in pixels (longer ones end in an ellipsis, full text in the tooltip).
    static let maxLabelWidth = 110.0

    static func render(
        title: String, yLabel: String, seriesNames: [String], groups: [Group],
        chance: (value: Double, label: String)? = nil
    ) -> String {
        var canvas = SVGCanvas(width: PlotFrame.width, height: PlotFrame.height)
        let y = ChartScale(
            values: groups.flatMap(\.values) + (chance.map { [$0.value] } ?? []),
            pixels: (PlotFrame.plotBottom, PlotFrame.plotTop), log: false, includeZero: true)
        let x = ChartScale(values: [0, 1], pixels: (PlotFrame.plotLeft, PlotFrame.plotRight), log: false)
        PlotFrame.draw(on: &canvas, title: title, xLabel: "", yLabel: yLabel, x: x, y: y, xTickLabels: false)
        let slot = (PlotFrame.plotRight - PlotFrame.plotLeft) / Double(max(groups.count, 1))
        let barWidth = min(36, slot * 0.8 / Double(max(seriesNames.count, 1)))
        let labelSize = 10.0
        let widest = groups.map { min(SVGCanvas.textWidth($0.label, size: labelSize), maxLabelWidth) }.max() ?? 0
        // Labels wider than their slot are turned 40° so neighbours never overlap.
        let rotate = widest > slot - 4
        let labelDepth = rotate ? widest * sin(40 * Double.pi / 180) + 8 : 0
        for (g, group) in groups.enumerated() {
            let start = PlotFrame.plotLeft + slot * Double(g) + (slot - barWidth * Double(group.values.count)) / 2
            for (s, value) in group.values.enumerated() where value.isFinite {
                let top = y.position(value)
                let name = s < seriesNames.count ? seriesNames[s] : ""
                let color = SVGCanvas.palette[s % SVGCanvas.palette.count]
                canvas.rect(
                    start + barWidth * Double(s), top, barWidth - 2, y.position(0) - top, fill: color,
                    title: "\(group.label) · \(name): \(NumberFormat.short(value))")
                if barWidth >= 16 {
                    canvas.text(
                        start + barWidth * (Double(s) + 0.5) - 1, top - 3, NumberFormat.short(value),
                        anchor: "middle", size: 9)
                }
            }
            var label = group.label
            if SVGCanvas.textWidth(label, size: labelSize) > maxLabelWidth {
                while !label.isEmpty && SVGCanvas.textWidth(label + "…", size: labelSize) > maxLabelWidth {
                    label.removeLast()
                }
                label += "…"
            }
            let cx = PlotFrame.plotLeft + slot * (Double(g) + 0.5)
            canvas.text(
                rotate ? cx + 3 : cx, PlotFrame.plotBottom + 14, label, anchor: rotate ? "end" : "middle",
                size: labelSize, rotate: rotate ? -40 : nil, title: label == group.label ? nil : group.label)
        }
        var legend = seriesNames.enumerated().map {
            PlotFrame.LegendEntry(
                name: $0.element, swatch: .box(SVGCanvas.palette[$0.offset % SVGCanvas.palette.count]))
        }
        if let chance, chance.value.isFinite {
            let py = y.position(chance.value)
            canvas.line(PlotFrame.plotLeft, py, PlotFrame.plotRight, py, stroke: "#3e4c59", width: 1.5, dash: "5 4")
            legend.append(.init(name: chance.label, swatch: .dashed("#3e4c59")))
        }
        let nonFinite = groups.flatMap(\.values).filter { !$0.isFinite }.count
        PlotFrame.skippedNote(on: &canvas, count: nonFinite, what: "values")
        PlotFrame.legend(
            on: &canvas, entries: legend, top: max(PlotFrame.legendTop, PlotFrame.plotBottom + 30 + labelDepth))
        return canvas.svg(title: title)
    }
}
