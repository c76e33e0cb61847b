import Foundation

/// Renders a membership result as a plain-text table for the terminal:
/// attack × AUC × TPR at 0.1 / 1 / 10 % FPR (with 95 % intervals) × advantage × ε lower bound,
/// followed by how many non-members each low-FPR column rests on, skipped attacks and notes.
public enum MembershipSummaryTable {
    public static func render(_ result: MembershipResult) -> String {
        var lines: [String] = []
        lines.append(
            "Membership inference on \(result.modelName) (access: \(result.accessLevel.rawValue); "
                + "\(result.memberCount) members, \(result.nonMemberCount) non-members; seed \(result.seed))")
        lines.append(
            String(
                format: "accuracy members %.3f, non-members %.3f, gap %+.3f; queries %d rows in %d calls; %.2f s",
                result.memberAccuracy, result.nonMemberAccuracy, result.accuracyGap, result.queries.rows,
                result.queries.calls, result.wallTimeSeconds))
        let targets = result.attacks.first?.metrics.lowFPR.map(\.targetFPR) ?? MembershipMetrics.defaultTargetFPRs
        var header = ["attack", "AUC"]
        header += targets.map { "TPR@\(LowFPRFigure.percent($0).replacingOccurrences(of: " ", with: "")) FPR [95% CI]" }
        header += ["advantage", "ε ≥"]
        var rows = [header]
        for a in result.attacks {
            var row = [a.name, String(format: "%.3f", a.metrics.auc)]
            row += a.metrics.lowFPR.map {
                String(format: "%.3f [%.3f, %.3f]", $0.tpr.estimate, $0.tpr.lower, $0.tpr.upper)
            }
            row += [String(format: "%.3f", a.metrics.advantage), String(format: "%.2f", a.metrics.epsilon.epsilon)]
            rows.append(row)
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func format(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        lines.append("")
        lines.append(format(rows[0]))
        lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
        for row in rows.dropFirst() { lines.append(format(row)) }
        if let first = result.attacks.first {
            lines.append("")
            for f in first.metrics.lowFPR {
                lines.append(
                    "TPR@\(LowFPRFigure.percent(f.targetFPR)) FPR rests on \(f.negatives) non-members "
                        + "(at most \(f.maxFalsePositives) false positive(s) allowed)")
            }
            if let caveat = first.metrics.lowFPR.compactMap(\.note).first {
                lines.append("note: " + caveat)
            }
        }
        for s in result.skipped { lines.append("skipped \(s.attack.displayName): \(s.reason)") }
        for n in result.notes { lines.append("note: " + n) }
        return lines.joined(separator: "\n") + "\n"
    }
}
