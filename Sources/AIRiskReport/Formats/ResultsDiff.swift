import AIRiskResults
import Foundation

/// What changed between two assessments of (versions of) a model, per probe and metric: `airisk diff` prints it,
/// `airisk report --baseline` renders it as the HTML report's version comparison.
package struct ResultsDiff {
    package struct MetricChange {
        package var probe: String
        package var metric: String
        package var old: Double?
        package var new: Double?
    }

    package struct SeverityChange {
        package var probe: String
        package var old: Severity?
        package var new: Severity?
        package var isRegression: Bool { (new ?? .note) > (old ?? .note) }
    }

    /// Per probe, the finding's headline figure (name, value, interval) before and after.
    package struct HeadlineChange {
        package var probe: String
        package var old: Metric?
        package var new: Metric?
    }

    package var headlines: [HeadlineChange] = []
    package var metrics: [MetricChange] = []
    package var severities: [SeverityChange] = []

    package init(old: AssessmentResults, new: AssessmentResults) {
        let probeIDs = Array(Set(old.probes.map(\.id) + new.probes.map(\.id))).sorted()
        for id in probeIDs {
            let a = old.probes.first { $0.id == id }
            let b = new.probes.first { $0.id == id }
            // The same figure: the same metric ID, or the same name when either document predates IDs.
            func same(_ x: Metric, _ y: Metric) -> Bool {
                if let i = x.id, let j = y.id { return i == j }
                return x.name == y.name
            }
            var seen: [Metric] = []
            for m in (a?.metrics ?? []) + (b?.metrics ?? []) where !seen.contains(where: { same($0, m) }) {
                seen.append(m)
            }
            for m in seen {
                metrics.append(
                    MetricChange(
                        probe: id, metric: m.name, old: a?.metrics.first { same($0, m) }?.value,
                        new: b?.metrics.first { same($0, m) }?.value))
            }
            headlines.append(
                HeadlineChange(
                    probe: id, old: old.findings(ofProbe: id).first?.headline,
                    new: new.findings(ofProbe: id).first?.headline))
            severities.append(
                SeverityChange(
                    probe: id, old: old.findings(ofProbe: id).map(\.severity).max(),
                    new: new.findings(ofProbe: id).map(\.severity).max()))
        }
    }

    package var regressions: [SeverityChange] { severities.filter(\.isRegression) }

    package func render(oldName: String, newName: String) -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.4g", $0) } ?? "–" }
        var lines = ["Comparing \(oldName) → \(newName)", ""]
        lines.append("Severity per probe")
        for s in severities {
            let mark = s.isRegression ? "  REGRESSION" : ((s.new ?? .note) < (s.old ?? .note) ? "  improved" : "")
            lines.append(
                "  \(s.probe.padding(toLength: 12, withPad: " ", startingAt: 0)) \(s.old?.rawValue ?? "–") → \(s.new?.rawValue ?? "–")\(mark)"
            )
        }
        lines.append("")
        lines.append("Headline per probe")
        for h in headlines {
            func text(_ m: Metric?) -> String {
                guard let m else { return "–" }
                let ci = (m.ciLow != nil && m.ciHigh != nil) ? " [\(f(m.ciLow)), \(f(m.ciHigh))]" : ""
                return f(m.value) + ci
            }
            let name = (h.new ?? h.old)?.name.replacingOccurrences(of: "Headline: ", with: "") ?? "no headline"
            lines.append(
                "  \(h.probe.padding(toLength: 12, withPad: " ", startingAt: 0)) \(name): \(text(h.old)) → \(text(h.new))"
            )
        }
        lines.append("")
        lines.append("Metrics")
        var probe = ""
        for m in metrics {
            if m.probe != probe {
                probe = m.probe
                lines.append("  \(probe)")
            }
            let delta = (m.old != nil && m.new != nil) ? String(format: " (%+.4g)", (m.new ?? 0) - (m.old ?? 0)) : ""
            lines.append("    \(m.metric): \(f(m.old)) → \(f(m.new))\(delta)")
        }
        return lines.joined(separator: "\n")
    }
}
