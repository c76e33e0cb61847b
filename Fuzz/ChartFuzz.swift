// libFuzzer target: the SVG charts (ChartScale, line charts on linear and log axes, histograms) over
// arbitrary Doubles, as a results.xml that passes validation may carry them. The input is read as
// little-endian Doubles; the first byte picks the chart. Every coordinate written must be finite and
// every axis must have a bounded number of ticks; anything else traps, which libFuzzer reports.
// Built by scripts/fuzz.sh; not part of the SwiftPM package.
import AIRiskResults
import Foundation

@testable import AIRiskReport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChart(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 1 else { return 0 }
    let selector = data[0]
    var values: [Double] = []
    var offset = 1
    while offset + 8 <= size && values.count < 512 {
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(data[offset + k]) << (8 * UInt64(k)) }
        values.append(Double(bitPattern: bits))
        offset += 8
    }
    let log = selector & 1 == 1
    let scale = ChartScale(values: values, pixels: (0, 100), log: log, includeZero: selector & 2 == 2)
    precondition(scale.low.isFinite && scale.high.isFinite && scale.low < scale.high, "axis \(scale.low)…\(scale.high)")
    let ticks = scale.ticks
    precondition(ticks.count <= ChartScale.maxTicks + 1 && ticks.allSatisfy(\.isFinite), "ticks \(ticks)")
    for v in values + ticks {
        let p = scale.position(v)
        precondition(p.isFinite && p >= 0 && p <= 100, "position \(v) → \(p)")
        _ = scale.label(v)
    }
    let svg: String
    if selector & 4 == 4 {
        let counts = values.dropFirst().map { _ in Int(selector) }
        svg = HistogramSVG.render(
            Histogram(title: "h", xLabel: "x", edges: values, series: [HistogramSeries(name: "s", counts: counts)]),
            countLabel: "n")
    } else {
        let half = values.count / 2
        let points = (0..<half).map { CurvePoint(x: values[$0], y: values[half + $0]) }
        svg = LineChartSVG.render(
            Curve(
                title: "c", xLabel: "x", yLabel: "y", logX: log, logY: selector & 8 == 8, diagonal: selector & 16 == 16,
                series: [CurveSeries(name: "s", points: points)]),
            randomLabel: "random")
    }
    let lowered = svg.lowercased()
    precondition(
        !lowered.contains("=\"nan") && !lowered.contains("=\"inf") && !lowered.contains("=\"-inf"), "non-finite SVG")
    return 0
}
