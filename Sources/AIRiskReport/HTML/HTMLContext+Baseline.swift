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
        return [
            "name": old.name,
            "generatedAt": ISO8601DateFormatter.string(
                from: r.generatedAt, timeZone: TimeZone(identifier: "UTC") ?? .current,
                formatOptions: [.withInternetDateTime]),
            "sha256": r.model.sha256 ?? "—", "severities": severities, "metrics": metrics,
        ]
    }
}
