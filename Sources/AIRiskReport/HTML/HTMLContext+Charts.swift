import AIRiskResults
import Foundation

/// What the charts and the per-record line need beyond the raw results: the false-positive rates the policy
/// scored, the attacks a ROC shows by default, the value a random guess reaches, the count of members an attack
/// identifies, and links from metric names to their definitions.
extension HTMLContext {
    /// The false-positive rates of a probe's "TPR at X FPR" metrics, as fractions (1 % → 0.01).
    static func scoredFPRs(_ p: ProbeResult) -> [Double] {
        var out: [Double] = []
        for m in p.metrics {
            guard let fpr = fpr(inMetricName: m.name), !out.contains(fpr) else { continue }
            out.append(fpr)
        }
        return out.sorted()
    }

    /// 0.01 for "TPR at 1 % FPR"; nil for other names.
    static func fpr(inMetricName name: String) -> Double? {
        guard name.hasPrefix("TPR at "), name.hasSuffix(" FPR") else { return nil }
        let body = name.dropFirst("TPR at ".count).dropLast(" FPR".count)
            .replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        guard let percent = Double(body), percent.isFinite, percent > 0, percent <= 100 else { return nil }
        return percent / 100
    }

    /// A random guess's value of a defense chart's metric, where the metric's name says it: 0.5 for an AUC, the
    /// FPR itself for a TPR at a fixed FPR, 0 for an advantage.
    static func chance(of metric: String) -> Double? {
        let name = metric.replacingOccurrences(of: "Headline: ", with: "")
        if name.contains("AUC") { return 0.5 }
        if let fpr = fpr(inMetricName: name) { return fpr }
        if name.lowercased().contains("advantage") { return 0 }
        return nil
    }

    /// A ROC with many attacks shows the headline attack and the two strongest others (by their summed TPR at the
    /// scored FPRs, read from the measured points; by the area under the curve when nothing was scored); the full
    /// chart goes into a collapsed detail. Other curves are shown whole.
    func focused(_ curve: Curve, probe: ProbeResult) -> Curve {
        guard curve.diagonal, curve.series.count > 3 else { return curve }
        let basis = results.findings(ofProbe: probe.id).first?.headline?.basis ?? ""
        let headline = curve.series.filter { basis.hasPrefix($0.name) }.max { $0.name.count < $1.name.count }
        let marks = Self.scoredFPRs(probe)
        func strength(_ s: CurveSeries) -> Double {
            guard !marks.isEmpty else { return Self.area(s.points) }
            return marks.reduce(0) { sum, fpr in
                sum
                    + (s.points.filter { $0.x.isFinite && $0.y.isFinite && $0.x <= fpr * (1 + 1e-9) }.map(\.y).max()
                        ?? 0)
            }
        }
        let others = curve.series.filter { $0.name != headline?.name }
            .map { ($0, strength($0)) }
            .sorted { $0.1 > $1.1 }
        let keep = Set(([headline?.name].compactMap { $0 } + others.map(\.0.name)).prefix(3))
        var out = curve
        out.series = curve.series.filter { keep.contains($0.name) }
        return out
    }

    /// The trapezoid area under a curve's points, sorted by x (non-finite points ignored).
    static func area(_ points: [CurvePoint]) -> Double {
        let sorted = points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { $0.x < $1.x }
        guard sorted.count > 1 else { return 0 }
        var sum = 0.0
        for i in 1..<sorted.count {
            sum += (sorted[i].x - sorted[i - 1].x) * (sorted[i].y + sorted[i - 1].y) / 2
        }
        return sum
    }

    func translated(_ curve: Curve) -> Curve {
        translated(curve, texts: [\.title, \.xLabel, \.yLabel], series: \.series, name: \.name)
    }

    func translated(_ h: Histogram) -> Histogram {
        translated(h, texts: [\.title, \.xLabel], series: \.series, name: \.name)
    }

    /// `chart` with its `texts` and every series' name translated (a Japanese report; others keep it as is).
    private func translated<Chart, Series>(
        _ chart: Chart, texts: [WritableKeyPath<Chart, String>], series: WritableKeyPath<Chart, [Series]>,
        name: WritableKeyPath<Series, String>
    ) -> Chart {
        guard lang == .ja else { return chart }
        var out = chart
        for text in texts { out[keyPath: text] = dataText(chart[keyPath: text]) }
        out[keyPath: series] = chart[keyPath: series].map { s in
            var t = s
            t[keyPath: name] = dataText(s[keyPath: name])
            return t
        }
        return out
    }

    /// "At 1 % of non-members wrongly flagged, the headline attack (LiRA) identifies 45 of 500 members": the
    /// probe's TPR at the policy's FPR (the one its finding cites, else its first) times the members the headline
    /// was measured on (its basis states the count). Nil when either is missing.
    func identifiable(_ p: ProbeResult) -> String? {
        guard let finding = results.findings(ofProbe: p.id).first, let headline = finding.headline,
            let basis = headline.basis
        else { return nil }
        let tprs = p.metrics.filter { ($0.targetFPR ?? Self.fpr(inMetricName: $0.name)) != nil }
        // The TPR at the FPR the finding was scored at (documents before `targetFPR` was recorded: the first).
        let scored = finding.targetFPR.flatMap { target in
            tprs.first { m in m.targetFPR.map { abs($0 - target) <= 1e-9 * max(target, 1e-6) } ?? false }
        }
        guard let tpr = scored ?? tprs.first,
            let fpr = tpr.targetFPR ?? Self.fpr(inMetricName: tpr.name), tpr.value.isFinite, tpr.value >= 0,
            tpr.value <= 1,
            let members = Self.memberCount(in: basis), members > 0
        else { return nil }
        let identified = Int((tpr.value * Double(members)).rounded())
        let attack = basis.split(separator: ",").first.map(String.init) ?? ""
        return fill(
            "identifiable", NumberFormat.percent(fpr), dataText(attack), String(identified), String(members),
            NumberFormat.percent(tpr.value))
    }

    /// The member count a basis states ("…; 500 members, 500 non-members, …").
    static func memberCount(in basis: String) -> Int? {
        let words = basis.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," })
        for (i, w) in words.enumerated() where w == "members" && i > 0 {
            if let n = Int(words[i - 1]) { return n }
        }
        return nil
    }

    /// The id of a definition's entry in the methods section.
    static func anchor(_ term: String) -> String {
        "def-"
            + String(
                term.lowercased().unicodeScalars.map { scalar -> Character in
                    let v = scalar.value
                    let keep = (0x30...0x39).contains(v) || (0x61...0x7A).contains(v)
                    return keep ? Character(scalar) : "-"
                })
    }

    /// The definition a metric name refers to: the longest term whose every word appears in the name.
    func definitionAnchor(_ metric: String) -> String? {
        let words = Set(metric.lowercased().split(separator: " ").map(String.init))
        let match = results.definitions.filter { d in
            let termWords = d.term.lowercased().split(separator: " ").map(String.init)
            return !termWords.isEmpty && termWords.allSatisfy(words.contains)
        }.max { $0.term.count < $1.term.count }
        return match.map { Self.anchor($0.term) }
    }

    /// A string from the results in the report's language: Japanese where the report knows a translation.
    func dataText(_ s: String) -> String {
        lang == .ja ? ReportStrings.translate(s) : s
    }
}
