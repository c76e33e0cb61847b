import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

/// Legends that never leave their chart, a distinct look per series, chance lines and scored-FPR markers
/// (issue 21, charts).
@Suite("Chart legends and series styles")
struct ChartLegendTests {
    /// The viewBox width and height of an `<svg>` element.
    static func viewBox(_ svg: String) -> (width: Double, height: Double)? {
        guard let start = svg.range(of: "viewBox=\"0 0 ") else { return nil }
        let rest = svg[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let parts = rest[..<end].split(separator: " ").compactMap { Double($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// Every `<text>` element: its x, y, anchor, font size and shown text (escapes left as they are).
    static func texts(_ svg: String) -> [(x: Double, y: Double, anchor: String, size: Double, text: String)] {
        var out: [(Double, Double, String, Double, String)] = []
        for chunk in svg.components(separatedBy: "<text ").dropFirst() {
            func attribute(_ name: String) -> String? {
                guard let r = chunk.range(of: name + "=\"") else { return nil }
                let rest = chunk[r.upperBound...]
                return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
            }
            guard let x = attribute("x").flatMap(Double.init), let y = attribute("y").flatMap(Double.init),
                let size = attribute("font-size").flatMap(Double.init), let close = chunk.range(of: "</text>"),
                let open = chunk.firstIndex(of: ">")
            else { continue }
            var body = String(chunk[chunk.index(after: open)..<close.lowerBound])
            if let t = body.range(of: "</title>") { body = String(body[t.upperBound...]) }
            let unescaped = body.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
                of: "&amp;", with: "&")
            out.append((x, y, attribute("text-anchor") ?? "start", size, unescaped))
        }
        return out
    }

    static let longNames = [
        "Loss threshold", "Confidence threshold", "Entropy threshold", "Modified entropy threshold",
        "LiRA (offline, fixed variance)", "LiRA (online, per-record variance)", "Shadow models (4) attack classifier",
        "Boundary distance (label-only)", "Reference-model calibrated loss", "Gradient norm (white-box)",
    ]

    static func roc(_ names: [String]) -> Curve {
        Curve(
            title: "ROC (log-log)", xLabel: "false positive rate", yLabel: "true positive rate", logX: true, logY: true,
            diagonal: true,
            series: names.enumerated().map { i, name in
                CurveSeries(
                    name: name,
                    points: [0.0001, 0.001, 0.01, 0.1, 1].map { CurvePoint(x: $0, y: min(1, $0 * Double(2 + i))) })
            })
    }

    @Test("every legend entry of a ten-attack ROC is drawn and lies inside the viewBox")
    func legendInsideViewBox() throws {
        let svg = LineChartSVG.render(Self.roc(Self.longNames), randomLabel: "random guess", marks: [0.001, 0.01])
        let box = try #require(Self.viewBox(svg))
        #expect(svg.contains("width=\"100%\""))
        let texts = Self.texts(svg)
        for name in Self.longNames {
            #expect(texts.contains { $0.text == name }, "\(name) missing from the legend")
        }
        for t in texts {
            let w = SVGCanvas.textWidth(t.text, size: t.size)
            let left = t.anchor == "start" ? t.x : (t.anchor == "middle" ? t.x - w / 2 : t.x - w)
            if t.text != "true positive rate" {  // the rotated y-axis label runs vertically
                #expect(left >= 0 && left + w <= box.width, "\(t.text) spans \(left)…\(left + w) of \(box.width)")
            }
            #expect(t.y <= box.height && t.y >= 0, "\(t.text) at y \(t.y) outside 0…\(box.height)")
        }
        // The legend needed more than one row, so the chart grew taller than the frame.
        #expect(box.height > PlotFrame.height)
    }

    @Test("a name longer than the chart is shortened with an ellipsis and keeps its full text as a tooltip")
    func longName() {
        let name = String(repeating: "very long attack name ", count: 8)
        let svg = LineChartSVG.render(Self.roc([name]), randomLabel: "random")
        #expect(svg.contains("…"))
        #expect(svg.contains("<title>\(name)</title>"))
    }

    @Test("ten series differ in colour or dash, and the first eight in colour")
    func distinctStyles() {
        let styles = (0..<10).map(SeriesStyle.init(index:))
        for i in 0..<10 {
            for j in (i + 1)..<10 {
                #expect(styles[i].color != styles[j].color || styles[i].dash != styles[j].dash, "\(i) vs \(j)")
            }
        }
        #expect(Set(styles.prefix(8).map(\.color)).count == 8)
        #expect(Set(styles.prefix(5).map(\.marker)).count == 5)
    }

    @Test("a ROC marks the scored false-positive rates with a line and a marker per attack")
    func scoredFPRMarks() {
        let svg = LineChartSVG.render(Self.roc(["a", "b"]), randomLabel: "random", marks: [0.001, 0.01])
        let texts = Self.texts(svg).map(\.text)
        #expect(texts.contains("0.1 %") && texts.contains("1 %"))
        #expect(svg.contains("<title>a: 0.002 (FPR 0.1 %)</title>"))
        #expect(svg.contains("<title>b: 0.03 (FPR 1 %)</title>"))
        // A mark outside the axis is not drawn.
        let outside = LineChartSVG.render(Self.roc(["a"]), randomLabel: "random", marks: [5])
        #expect(!Self.texts(outside).map(\.text).contains("500 %"))
    }

    @Test("defense bars draw the chance line and many long labels stay inside the chart")
    func barChance() throws {
        let groups = (0..<11).map { BarChartSVG.Group(label: "setting-\($0)-with-a-long-name", values: [0.8, 0.6]) }
        let svg = BarChartSVG.render(
            title: "Membership inference: Attack AUC", yLabel: "Value", seriesNames: ["before", "after"],
            groups: groups, chance: (0.5, "random guess"))
        let box = try #require(Self.viewBox(svg))
        #expect(Self.texts(svg).contains { $0.text == "random guess" })
        #expect(svg.contains("stroke-dasharray=\"5 4\""))
        // Rotated group labels end above the legend, which stays inside the viewBox.
        let legend = Self.texts(svg).filter { $0.text == "before" || $0.text == "random guess" }
        #expect(legend.allSatisfy { $0.y <= box.height })
        #expect(box.height >= PlotFrame.plotBottom + 60)
    }

    @Test("the chance value follows the metric's name")
    func chanceValues() {
        #expect(HTMLContext.chance(of: "Attack AUC") == 0.5)
        #expect(HTMLContext.chance(of: "TPR at 1 % FPR") == 0.01)
        #expect(HTMLContext.chance(of: "Membership advantage") == 0)
        #expect(HTMLContext.chance(of: "Best fidelity") == nil)
    }
}

@Suite("ROC focus")
struct ROCFocusTests {
    @Test("a ROC of five attacks shows the headline attack and the two with the highest TPR at the scored FPRs")
    func focus() {
        var r = SampleResults.make()
        r.probes[0].metrics = [Metric(name: "TPR at 1 % FPR", value: 0.1)]
        r.findings = r.findings.map { f in
            var f = f
            if f.probeID == "membership" {
                f.headline = Metric(name: "Attack AUC", value: 0.7, basis: "weak, the attack…")
            }
            return f
        }
        // TPR at 1 % FPR: weak 0.01, a 0.2, b 0.05, c 0.3, d 0.02; "b" has the largest area, but only late.
        let tpr: [String: (Double, Double)] = [
            "weak": (0.01, 0.5), "a": (0.2, 0.6), "b": (0.05, 1), "c": (0.3, 0.6),
            "d": (0.02, 0.5),
        ]
        let curve = Curve(
            title: "ROC", xLabel: "x", yLabel: "y", logX: true, logY: true, diagonal: true,
            series: ["weak", "a", "b", "c", "d"].map { name in
                let (low, high) = tpr[name]!
                return CurveSeries(
                    name: name,
                    points: [CurvePoint(x: 0.01, y: low), CurvePoint(x: 0.05, y: high), CurvePoint(x: 1, y: 1)])
            })
        let context = HTMLContext(results: r, options: .init())
        #expect(context.focused(curve, probe: r.probes[0]).series.map(\.name) == ["weak", "a", "c"])
    }
}
