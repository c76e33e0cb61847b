import AIRiskResults
import Foundation

/// The one-screen summary `assess` and `demo` print on stdout.
enum AssessmentSummary {
    static func render(_ r: AssessmentResults, written: [URL], gate: Gate?) -> String {
        var lines: [String] = []
        lines.append(
            "airisk \(r.tool.version) — \(r.model.name) (\(r.model.outputKind), \(r.model.accessLevel) access)")
        lines.append(
            "profile \(r.profile), seed \(r.seed), data sensitivity \(r.dataSensitivity.rawValue)"
                + (r.status == .complete ? "" : ", status: INCOMPLETE"))
        lines.append("")
        if !r.anyProbeRan {
            lines.append("NOT ASSESSED: no selected probe ran — \(r.status.incompleteReason ?? "nothing was measured")")
        } else {
            lines.append(
                "Overall severity: \(r.overallSeverity.rawValue.uppercased())"
                    + (r.failedProbes.isEmpty
                        ? "" : " (incomplete: \(r.failedProbes.map(\.id).joined(separator: ", ")) failed)"))
        }
        if let context = r.findings.first?.context { lines.append("Context: \(context)") }
        for w in r.warnings { lines.append("WARNING: \(w)") }
        lines.append("")
        let header = ["Probe", "Status", "Severity", "Likelihood", "Impact", "Headline", "Queries", "Time"]
        var rows: [[String]] = []
        for p in r.probes {
            let f = r.findings(ofProbe: p.id).first
            let figure = p.status == .ran ? (f?.headline ?? p.metrics.first) : nil
            let headline = figure.map(headlineText) ?? p.status.detail ?? ""
            rows.append([
                p.id, p.status.state, f?.severity.rawValue ?? "–",
                f.map { "\(format($0.likelihood.score)) \($0.likelihood.level.rawValue)" } ?? "–",
                f.map { "\(format($0.impact.score)) \($0.impact.level.rawValue)" } ?? "–",
                String(headline.prefix(56)), "\(p.queries.rows + p.queries.gradientCalls)",
                String(format: "%.1f s", p.wallTimeSeconds),
            ])
        }
        lines += table(header, rows)
        for p in r.probes {
            if case .failed(let e) = p.status { lines.append("  \(p.id) failed: \(e)") }
            if case .skipped(let why) = p.status { lines.append("  \(p.id) skipped: \(why)") }
        }
        for p in r.probes {
            for t in p.tables where t.id.map(summaryTables.contains) ?? false {
                lines.append("")
                lines.append("\(p.title) — \(t.title)")
                let rows = t.rows.map { row in
                    row.map { cell -> String in
                        switch cell {
                        case .text(let s): s
                        case .number(let v): format(v)
                        }
                    }
                }
                lines += table(t.columns, rows).map { "  " + $0 }
            }
        }
        lines += defenseTable(r)
        for f in r.findingsBySeverity {
            lines.append("")
            lines.append(
                "[\(f.severity.rawValue.uppercased())] \(f.title)  (\(f.owasp.id) \(f.owasp.name); \(f.atlas.id))")
            if let h = f.headline {
                lines.append("  headline: \(headlineText(h))" + (h.basis.map { " — \($0)" } ?? ""))
            }
            let defenses = f.recommendedDefenses.prefix(4).map(\.name).joined(separator: ", ")
            if !defenses.isEmpty { lines.append("  defenses: \(defenses)") }
        }
        if !written.isEmpty {
            lines.append("")
            lines.append("Reports:")
            for u in written { lines.append("  \(u.path)") }
        }
        if let gate {
            let failing = gate.failing(r)
            lines.append("")
            if let reason = Gate.incompleteReason(r, gate: gate) {
                lines.append("Gate --fail-on \(gate.rawValue): FAILED (\(reason))")
                return lines.joined(separator: "\n")
            }
            lines.append(
                failing.isEmpty
                    ? "Gate --fail-on \(gate.rawValue): passed"
                    : "Gate --fail-on \(gate.rawValue): FAILED (\(failing.map { "\($0.probeID) \($0.severity.rawValue)" }.joined(separator: ", ")))"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// "TPR at 1 % FPR 0.120 [0.080, 0.170]" from a finding's headline metric.
    static func headlineText(_ m: Metric) -> String {
        var text = m.name.replacingOccurrences(of: "Headline: ", with: "") + " " + String(format: "%.3f", m.value)
        if let lo = m.ciLow, let hi = m.ciHigh { text += String(format: " [%.3f, %.3f]", lo, hi) }
        return text
    }

    /// The measured defenses: per defense and probe, the headline figure and the severity before and after,
    /// and what the defense cost in utility.
    static func defenseTable(_ r: AssessmentResults) -> [String] {
        let measured = r.defenses.filter { $0.evidence == .measured }
        guard !measured.isEmpty else { return [] }
        func severity(_ v: Double) -> String {
            let all = Severity.allCases
            let i = Int(v.rounded())
            return all.indices.contains(i) ? all[i].rawValue : format(v)
        }
        var rows: [[String]] = []
        for e in measured {
            let setting = e.setting ?? e.id
            let utility = e.measurements.first { $0.probeID == "utility" }
            let utilityText = utility.map { "\(format($0.before)) → \(format($0.after))" } ?? "unchanged"
            let probes = e.measurements.map(\.probeID).filter { $0 != "utility" }
            var seen = Set<String>()
            for probe in probes where seen.insert(probe).inserted {
                let ms = e.measurements.filter { $0.probeID == probe }
                let headline = ms.first { $0.metricID != .severityRank }
                let sev = ms.first { $0.metricID == .severityRank }
                rows.append([
                    setting, probe,
                    headline.map { "\($0.metric) \(format($0.before)) → \(format($0.after))" } ?? "–",
                    sev.map { "\(severity($0.before)) → \(severity($0.after))" } ?? "–", utilityText,
                ])
            }
        }
        return [""] + ["Defense what-if (measured)"]
            + table(["Defense", "Probe", "What-if re-run before → after", "Severity", "Utility"], rows).map {
                "  " + $0
            }
    }

    /// The per-probe tables worth a terminal: the membership attack table, the extraction
    /// fidelity-versus-queries and queries-to-fidelity tables, the inversion per-class table.
    static let summaryTables: Set<MetricID> = [
        .membershipAttacksTable, .extractionFidelityTable, .extractionQueriesTable, .inversionPerClassTable,
    ]

    static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        return String(format: "%.3f", v)
    }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        return [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }
}
