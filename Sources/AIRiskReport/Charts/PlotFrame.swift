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
        fitted(on: &canvas, 8, 20, title, size: 13, room: width - 16, weight: "600")
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
        fitted(
            on: &canvas, (plotLeft + plotRight) / 2, plotBottom + 32, xLabel, size: 11, room: plotRight - plotLeft,
            anchor: "middle")
        canvas.text(16, (plotTop + plotBottom) / 2, yLabel, anchor: "middle", size: 11, rotate: -90)
    }

    /// `text` at (x, y), in a smaller font (down to 9 px) when it would not fit `room` pixels, and shortened
    /// with an ellipsis (the full text in its tooltip) when even that does not fit.
    static func fitted(
        on canvas: inout SVGCanvas, _ x: Double, _ y: Double, _ text: String, size: Double, room: Double,
        anchor: String = "start", weight: String? = nil
    ) {
        var size = size
        while size > 9 && SVGCanvas.textWidth(text, size: size) > room { size -= 0.5 }
        var shown = text
        if SVGCanvas.textWidth(shown, size: size) > room {
            while !shown.isEmpty && SVGCanvas.textWidth(shown + "…", size: size) > room { shown.removeLast() }
            shown += "…"
        }
        canvas.text(x, y, shown, anchor: anchor, size: size, weight: weight, title: shown == text ? nil : text)
    }

    /// A note in the top right corner when `count` values (NaN or ±infinity, which a results file
    /// may carry) were left out of the chart.
    static func skippedNote(on canvas: inout SVGCanvas, count: Int, what: String) {
        guard count > 0 else { return }
        canvas.text(
            plotRight - 4, plotTop + 12, "\(count) non-finite \(what) (NaN or ±∞) not drawn", anchor: "end", size: 10,
            fill: "#9b2c2c")
    }

    /// How a legend entry's swatch is drawn.
    enum Swatch: Equatable {
        case line(SeriesStyle)
        case dashed(String)
        case box(String)
        /// A hollow circle: a point without the change the chart is about.
        case ring(String)
    }

    struct LegendEntry {
        var name: String
        var swatch: Swatch
    }

    /// Where the first legend row's baseline sits, and the distance between rows.
    static let legendTop = height - 14
    static let legendRowHeight = 17.0
    static let legendFont = 10.5
    /// Room a swatch and the gap after an entry take.
    static let swatchWidth = 24.0
    static let entryGap = 14.0

    /// Entries laid out in rows under the x-axis label, each row within the chart's width; a name too long
    /// for a whole row is shortened with an ellipsis (the full name stays in its tooltip).
    static func legendLayout(_ entries: [LegendEntry]) -> [(entry: LegendEntry, text: String, x: Double, row: Int)] {
        let start = 8.0
        let limit = width - 8
        var out: [(entry: LegendEntry, text: String, x: Double, row: Int)] = []
        var x = start
        var row = 0
        for entry in entries {
            var text = entry.name
            let room = limit - start - swatchWidth
            if SVGCanvas.textWidth(text, size: legendFont) > room {
                while !text.isEmpty && SVGCanvas.textWidth(text + "…", size: legendFont) > room { text.removeLast() }
                text += "…"
            }
            let w = swatchWidth + SVGCanvas.textWidth(text, size: legendFont)
            if x > start && x + w > limit {
                row += 1
                x = start
            }
            out.append((entry, text, x, row))
            x += w + entryGap
        }
        return out
    }

    /// Draws the legend rows under the x-axis label and grows the canvas to hold them.
    static func legend(on canvas: inout SVGCanvas, entries: [LegendEntry], top legendTop: Double = legendTop) {
        let layout = legendLayout(entries)
        for item in layout {
            let x = item.x
            let y = legendTop + Double(item.row) * legendRowHeight
            switch item.entry.swatch {
            case .box(let color): canvas.rect(x + 3, y - 10, 12, 12, fill: color, opacity: 0.6, stroke: color)
            case .ring(let color): canvas.circle(x + 9, y - 4, radius: 4, stroke: color)
            case .dashed(let color): canvas.line(x, y - 4, x + 18, y - 4, stroke: color, width: 2, dash: "5 4")
            case .line(let style):
                canvas.line(x, y - 4, x + 18, y - 4, stroke: style.color, width: 2.5, dash: style.dash)
                canvas.marker(style.marker, x + 9, y - 4, color: style.color)
            }
            canvas.text(
                x + swatchWidth - 2, y, item.text, size: legendFont,
                title: item.text == item.entry.name ? nil : item.entry.name)
        }
        let rows = (layout.map(\.row).max() ?? 0) + 1
        canvas.height = max(canvas.height, legendTop + Double(rows - 1) * legendRowHeight + 10)
    }
}
