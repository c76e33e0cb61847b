import AIRiskResults
import Foundation
import Testing

@testable import AIRiskReport

/// Charts stay finite and bounded for any finite value a valid results.xml may carry (issue 15,
/// finding 4): no trap on 1.7e308 or 5e-324 on a log axis, no endless tick loop on a linear axis
/// spanning ±1.7e308 or on histogram edges all equal to 1e17; NaN and ±INF are left out with a note.
@Suite("Charts over extreme values")
struct ExtremeChartTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/extreme")
    static let fixtures = [
        "log_axis_huge.xml", "log_axis_tiny.xml", "linear_axis_span.xml", "histogram_equal_edges.xml", "non_finite.xml",
    ]

    /// Every number in the SVG markup is finite (no "nan", "inf" coordinates).
    func svgIsFinite(_ html: String) -> Bool {
        let lowered = html.lowercased()
        return !lowered.contains("=\"nan") && !lowered.contains("=\"inf") && !lowered.contains("=\"-inf")
    }

    @Test("an extreme document passes validation and renders, quickly", arguments: fixtures)
    func renders(_ name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        #expect(try ResultsDocument.validate(data, fileName: name).isEmpty)
        let results = try ResultsDocument.read(contentsOf: url)
        let start = ContinuousClock.now
        let html = try HTMLReport.render(results)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(html.contains("<svg"))
        #expect(svgIsFinite(html))
        if name == "non_finite.xml" {
            #expect(html.contains("non-finite points (NaN or ±∞) not drawn"))
            #expect(html.contains("non-finite bin edges (NaN or ±∞) not drawn"))
        }
    }

    @Test("scales over extreme values have finite bounds and a bounded number of finite ticks")
    func scales() {
        let cases: [([Double], Bool)] = [
            ([1.7e308], true), ([5e-324], true), ([5e-324, 1.7e308], true), ([.greatestFiniteMagnitude], true),
            ([-1.7e308, 1.7e308], false), ([1e17, 1e17], false), ([5e-324, 5e-324], false),
            ([-.greatestFiniteMagnitude, .greatestFiniteMagnitude], false), ([.nan, .infinity], false), ([], true),
        ]
        for (values, log) in cases {
            let s = ChartScale(values: values, pixels: (0, 100), log: log)
            #expect(s.low.isFinite && s.high.isFinite && s.low < s.high, "\(values) log=\(log)")
            let ticks = s.ticks
            #expect(!ticks.isEmpty && ticks.count <= ChartScale.maxTicks + 1, "\(values): \(ticks.count) ticks")
            #expect(ticks.allSatisfy { $0.isFinite })
            for v in values + ticks {
                let p = s.position(v)
                #expect(p.isFinite && p >= 0 && p <= 100, "\(v) → \(p)")
            }
            // Labels are total, even for values the axis cannot place (0 and NaN on a log axis: a fuzz find).
            #expect((ticks + values + [0, -1, .nan, .infinity]).allSatisfy { !s.label($0).isEmpty })
        }
    }

    @Test("ordinary axes keep their nice ticks")
    func ordinary() {
        #expect(ChartScale(values: [0.001, 0.5, 1], pixels: (0, 300), log: true).ticks == [0.001, 0.01, 0.1, 1])
        let linear = ChartScale(values: [0, 1], pixels: (0, 100), log: false).ticks
        #expect(linear.count == 6 && linear.first == 0 && abs((linear.last ?? 0) - 1) < 1e-12)
    }
}
