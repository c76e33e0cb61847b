import AIRiskResults

/// Overlaid, semi-transparent histograms over shared bins (e.g. member vs non-member losses).
enum HistogramSVG {
    static func render(_ histogram: Histogram, countLabel: String) -> String {
        var canvas = SVGCanvas(width: PlotFrame.width, height: PlotFrame.height)
        let usable = histogram.series.filter { $0.counts.count + 1 == histogram.edges.count }
        let x = ChartScale(
            values: histogram.edges, pixels: (PlotFrame.plotLeft, PlotFrame.plotRight), log: false)
        let y = ChartScale(
            values: usable.flatMap { $0.counts.map(Double.init) }, pixels: (PlotFrame.plotBottom, PlotFrame.plotTop),
            log: false, includeZero: true)
        PlotFrame.draw(on: &canvas, title: histogram.title, xLabel: histogram.xLabel, yLabel: countLabel, x: x, y: y)
        var legend: [PlotFrame.LegendEntry] = []
        for (index, series) in usable.enumerated() {
            let color = SVGCanvas.palette[index % SVGCanvas.palette.count]
            for (bin, count) in series.counts.enumerated() {
                // A bin with a non-finite edge cannot be placed; it is counted in the note below.
                guard histogram.edges[bin].isFinite && histogram.edges[bin + 1].isFinite else { continue }
                let x0 = x.position(histogram.edges[bin])
                let x1 = x.position(histogram.edges[bin + 1])
                let top = y.position(Double(count))
                canvas.rect(
                    x0 + 0.5, top, x1 - x0 - 1, y.position(0) - top, fill: color, opacity: 0.45,
                    title: "\(series.name): \(count)")
            }
            legend.append(.init(name: series.name, swatch: .box(color)))
        }
        PlotFrame.legend(on: &canvas, entries: legend)
        PlotFrame.skippedNote(on: &canvas, count: histogram.edges.filter { !$0.isFinite }.count, what: "bin edges")
        return canvas.svg(title: histogram.title)
    }
}
