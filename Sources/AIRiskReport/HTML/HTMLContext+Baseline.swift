import AIRiskResults
import Foundation

/// The version comparison (`airisk report --baseline OLD/results.xml`): what `airisk diff` prints, as tables —
/// the severity per probe and every metric of both versions with its change.
extension HTMLContext {
    var baselineSection: [String: Any]? {
        guard let old = options.baseline else { return nil }
        let diff = ResultsDiff(old: old.results, new: results)
        func value(_ v: Double?) -> String { v.map(NumberFormat.short) ?? "–" }
        let severities: [[String: String]] = diff.severities.map { s in
            let direction: String
            if s.isRegression {
                direction = "worse"
            } else if (s.new ?? .note) < (s.old ?? .note) {
                direction = "better"
            } else {
                direction = "same"
            }
            return [
                "probe": probeTitle(s.probe), "old": s.old.map(severityLabel) ?? "–",
                "new": s.new.map(severityLabel) ?? "–", "direction": direction, "change": t("change." + direction),
            ]
        }
        let headlineNames = Set(
            diff.headlines.flatMap { h in [h.old?.name, h.new?.name].compactMap { $0 } })
        let metrics: [[String: Any]] = diff.metrics.map { m in
            var delta = ""
            if let a = m.old, let b = m.new, a.isFinite, b.isFinite {
                delta = (b - a > 0 ? "+" : b - a < 0 ? "−" : "±") + NumberFormat.short(abs(b - a))
            }
            return [
                "probe": probeTitle(m.probe), "metric": dataText(m.metric), "old": value(m.old), "new": value(m.new),
                "delta": delta,
                "headline": headlineNames.contains(m.metric)
                    || headlineNames.contains("Headline: " + m.metric),
            ]
        }
        let r = old.results
        let charts = tradeoffCharts(old: r)
        return [
            "name": old.name,
            "generatedAt": ISO8601DateFormatter.string(
                from: r.generatedAt, timeZone: TimeZone(identifier: "UTC") ?? .current,
                formatOptions: [.withInternetDateTime]),
            "sha256": r.model.sha256 ?? "—", "severities": severities, "metrics": metrics,
            "tradeoffCharts": charts, "hasTradeoff": !charts.isEmpty,
        ]
    }

    /// Privacy against utility for both versions, one chart per probe whose headline a defense was measured by:
    /// each measured defense that also measured utility moves a version's point from its what-if baseline to the
    /// model behind the defense.
    func tradeoffCharts(old: AssessmentResults) -> [String] {
        func moves(_ r: AssessmentResults, probe: String, metric: MetricID?) -> [TradeoffChartSVG.Move] {
            r.defenses.filter { $0.evidence == .measured }.compactMap { d in
                guard let u = d.measurements.first(where: Self.isUtility),
                    let m = d.measurements.first(where: { $0.probeID == probe && $0.metricID == metric })
                else { return nil }
                return TradeoffChartSVG.Move(
                    label: Self.setting(of: d), before: .init(x: u.before, y: m.before),
                    after: .init(x: u.after, y: m.after))
            }
        }
        // The first non-severity figure of each probe among the defenses that also measured utility.
        var keys: [(probe: String, id: MetricID?, metric: String)] = []
        for d in (results.defenses + old.defenses)
        where d.evidence == .measured && d.measurements.contains(where: Self.isUtility) {
            for m in d.measurements where m.metricID != .severityRank && m.probeID != "utility" {
                if !keys.contains(where: { $0.probe == m.probeID }) { keys.append((m.probeID, m.metricID, m.metric)) }
            }
        }
        let utilityName =
            (results.defenses + old.defenses).lazy.flatMap(\.measurements).first(where: Self.isUtility)?.metric
            ?? "utility"
        return keys.compactMap { key in
            let versions = [
                TradeoffChartSVG.Version(
                    name: t("baselineOld"), moves: moves(old, probe: key.probe, metric: key.id)),
                TradeoffChartSVG.Version(
                    name: t("baselineNew"), moves: moves(results, probe: key.probe, metric: key.id)),
            ]
            guard versions.contains(where: { !$0.moves.isEmpty }) else { return nil }
            return TradeoffChartSVG.render(
                title: "\(probeTitle(key.probe)): \(dataText(key.metric)) \(t("against")) \(dataText(utilityName))",
                xLabel: dataText(utilityName), yLabel: dataText(key.metric), versions: versions,
                withoutLabel: t("withoutDefense"), chance: Self.chance(of: key.metric).map { ($0, t("random")) })
        }
    }

    /// A defense's utility figure (documents before metric identities: the utility probe's unnamed one).
    static func isUtility(_ m: DefenseMeasurement) -> Bool {
        m.metricID == .utility || (m.probeID == "utility" && m.metricID == nil)
    }
}
