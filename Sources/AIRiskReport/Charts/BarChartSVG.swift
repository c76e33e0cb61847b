/// Grouped vertical bars, e.g. a risk metric before and after each measured defense.
enum BarChartSVG {
    struct Group {
        var label: String
        var values: [Double]
    }

    static func render(title: String, yLabel: String, seriesNames: [String], groups: [Group]) -> String {
        var canvas = SVGCanvas(width: PlotFrame.width, height: PlotFrame.height)
        let y = ChartScale(
            values: groups.flatMap(\.values), pixels: (PlotFrame.plotBottom, PlotFrame.plotTop), log: false,
            includeZero: true)
        let x = ChartScale(values: [0, 1], pixels: (PlotFrame.plotLeft, PlotFrame.plotRight), log: false)
        PlotFrame.draw(on: &canvas, title: title, xLabel: "", yLabel: yLabel, x: x, y: y, xTickLabels: false)
        let slot = (PlotFrame.plotRight - PlotFrame.plotLeft) / Double(max(groups.count, 1))
        let barWidth = min(36, slot * 0.8 / Double(max(seriesNames.count, 1)))
        for (g, group) in groups.enumerated() {
            let start = PlotFrame.plotLeft + slot * Double(g) + (slot - barWidth * Double(group.values.count)) / 2
            for (s, value) in group.values.enumerated() where value.isFinite {
                let top = y.position(value)
                let name = s < seriesNames.count ? seriesNames[s] : ""
                canvas.rect(
                    start + barWidth * Double(s), top, barWidth - 2, y.position(0) - top,
                    fill: SVGCanvas.palette[s % SVGCanvas.palette.count],
                    title: "\(group.label) · \(name): \(NumberFormat.short(value))")
                canvas.text(
                    start + barWidth * (Double(s) + 0.5) - 1, top - 3, NumberFormat.short(value),
                    anchor: "middle", size: 9.5)
            }
            canvas.text(
                PlotFrame.plotLeft + slot * (Double(g) + 0.5), PlotFrame.plotBottom + 14, group.label,
                anchor: "middle", size: 10)
        }
        let nonFinite = groups.flatMap(\.values).filter { !$0.isFinite }.count
        PlotFrame.skippedNote(on: &canvas, count: nonFinite, what: "values")
        PlotFrame.legend(
            on: &canvas,
            entries: seriesNames.enumerated().map {
                ($0.element, SVGCanvas.palette[$0.offset % SVGCanvas.palette.count], PlotFrame.Swatch.box)
            })
        return canvas.svg(title: title)
    }
}
