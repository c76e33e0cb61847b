/// The plot area shared by the charts: title, axes, grid, tick labels, axis labels and a legend row.
struct PlotFrame {
    static let width = 480.0
    static let height = 320.0
    static let left = 62.0
    static let right = 16.0
    static let top = 34.0
    static let bottom = 70.0

    static var plotLeft: Double { left }
    static var plotRight: Double { width - right }
    static var plotTop: Double { top }
    static var plotBottom: Double { height - bottom }

    /// Draws the frame onto `canvas` for the given scales.
    static func draw(
        on canvas: inout SVGCanvas, title: String, xLabel: String, yLabel: String, x: ChartScale, y: ChartScale,
        xTickLabels: Bool = true
    ) {
        canvas.rect(0, 0, width, height, fill: "#ffffff")
        canvas.text(plotLeft, 20, title, size: 13, weight: "600")
        for t in y.ticks {
            let py = y.position(t)
            canvas.line(plotLeft, py, plotRight, py, stroke: "#e4e7eb")
            canvas.text(plotLeft - 6, py + 4, y.label(t), anchor: "end", size: 10)
        }
        if xTickLabels {
            for t in x.ticks {
                let px = x.position(t)
                canvas.line(px, plotTop, px, plotBottom, stroke: "#f0f2f5")
                canvas.text(px, plotBottom + 14, x.label(t), anchor: "middle", size: 10)
            }
        }
        canvas.line(plotLeft, plotBottom, plotRight, plotBottom, stroke: "#52606d")
        canvas.line(plotLeft, plotTop, plotLeft, plotBottom, stroke: "#52606d")
        canvas.text((plotLeft + plotRight) / 2, plotBottom + 32, xLabel, anchor: "middle", size: 11)
        canvas.text(16, (plotTop + plotBottom) / 2, yLabel, anchor: "middle", size: 11, rotate: true)
    }

    /// A note in the top right corner when `count` values (NaN or ±infinity, which a results file
    /// may carry) were left out of the chart.
    static func skippedNote(on canvas: inout SVGCanvas, count: Int, what: String) {
        guard count > 0 else { return }
        canvas.text(
            plotRight, 20, "\(count) non-finite \(what) (NaN or ±∞) not drawn", anchor: "end", size: 10,
            fill: "#9b2c2c")
    }

    /// A legend row under the x-axis label.
    /// How a legend entry's swatch is drawn.
    enum Swatch {
        case line, dashed, box
    }

    static func legend(on canvas: inout SVGCanvas, entries: [(name: String, color: String, swatch: Swatch)]) {
        var x = plotLeft
        let y = height - 14
        for entry in entries {
            switch entry.swatch {
            case .box: canvas.rect(x + 3, y - 10, 12, 12, fill: entry.color, opacity: 0.6)
            case .line, .dashed:
                canvas.line(
                    x, y - 4, x + 18, y - 4, stroke: entry.color, width: 2.5,
                    dash: entry.swatch == .dashed ? "4 3" : nil)
            }
            canvas.text(x + 22, y, entry.name, size: 10.5)
            let width = entry.name.unicodeScalars.reduce(0.0) { $0 + ($1.value < 0x2E80 ? 6.4 : 11) }
            x += 34 + width
        }
    }
}
