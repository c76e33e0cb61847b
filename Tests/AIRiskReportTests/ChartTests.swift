import AIRiskResults
import Foundation
import Testing

@testable import AIRiskReport

@Suite("SVG charts")
struct ChartTests {
    @Test("log axes tick at powers of ten and place decades evenly")
    func logScale() {
        let s = ChartScale(values: [0.001, 0.5, 1], pixels: (0, 300), log: true)
        #expect(s.low == 0.001 && s.high == 1)
        #expect(s.ticks == [0.001, 0.01, 0.1, 1])
        #expect(abs(s.position(0.01) - 100) < 1e-9 && abs(s.position(0.1) - 200) < 1e-9)
        #expect(!s.accepts(0) && s.accepts(1e-4))
    }

    @Test("linear axes get nice ticks covering the data")
    func linearScale() {
        let s = ChartScale(values: [3, 217], pixels: (0, 100), log: false, includeZero: true)
        #expect(s.low == 0 && s.high >= 217)
        #expect(s.ticks.first == 0 && s.ticks.count >= 3)
    }

    @Test("a ROC chart draws every series and the random line, and escapes labels")
    func roc() {
        let curve = Curve(
            title: "<ROC>", xLabel: "FPR & more", yLabel: "TPR", logX: true, logY: true, diagonal: true,
            series: [
                CurveSeries(
                    name: "a\"b", points: [CurvePoint(x: 0, y: 0), CurvePoint(x: 0.01, y: 0.2), CurvePoint(x: 1, y: 1)])
            ])
        let svg = LineChartSVG.render(curve, randomLabel: "random")
        #expect(svg.contains("<polyline"))
        #expect(svg.contains("stroke-dasharray"))
        #expect(svg.contains("&lt;ROC&gt;") && svg.contains("FPR &amp; more") && svg.contains("a&quot;b"))
        #expect(!svg.contains("<ROC>"))
        // The (0, 0) point cannot sit on log axes and is dropped rather than drawn at -infinity.
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test("histograms ignore series whose counts do not fit the bins")
    func histogram() {
        let h = Histogram(
            title: "h", xLabel: "x", edges: [0, 1, 2],
            series: [HistogramSeries(name: "ok", counts: [1, 2]), HistogramSeries(name: "bad", counts: [1])])
        let svg = HistogramSVG.render(h, countLabel: "count")
        #expect(svg.components(separatedBy: "<rect").count - 1 == 4)  // background, 2 bars, 1 legend swatch
        #expect(!svg.contains(">bad<"))
    }

    @Test("dense curves are thinned to what the pixels can show, keeping both ends")
    func thinning() {
        let dense = (0...10_000).map { (Double($0) / 100, 50.0) }
        let thin = LineChartSVG.thinned(dense)
        #expect(thin.count == 201)
        #expect(thin.first! == dense.first! && thin.last! == dense.last!)
    }
}
