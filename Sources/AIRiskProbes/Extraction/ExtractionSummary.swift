import Foundation

/// Plain-text rendering of an ``ExtractionResult`` for the command line.
public enum ExtractionSummary {
    public static func render(_ result: ExtractionResult) -> String {
        var out: [String] = []
        out.append("Model extraction — \(result.modelName)")
        out.append(
            "access assumed: \(result.access.rawValue) (\(result.outputKind.rawValue) outputs); seed \(result.seed); "
                + "wall time \(String(format: "%.1f", result.wallTimeSeconds)) s")
        out.append(
            "attack queries: \(result.queriesUsed) of a budget of \(result.queryBudget) rows; "
                + "evaluation: \(result.evaluationQueries) rows (\(result.evaluationRows) held-out rows, not counted)")
        out.append("feature statistics from: \(result.statisticsSource)")

        if let e = result.equationSolving {
            out.append("")
            out.append("Equation solving (Tramèr et al. 2016)")
            out.append("  \(e.verdict)")
            out.append("  queries: \(e.recoveryQueries) for recovery + \(e.verificationQueries) for verification")
            if let err = e.parameterRelativeError {
                out.append("  parameter relative error: \(String(format: "%.3g", err))")
            }
            if let f = e.fidelity { out.append("  fidelity on held-out data: \(percent(f))") }
            if let a = e.accuracy { out.append("  accuracy on held-out data: \(percent(a))") }
            if let r = e.regression { out.append("  " + regressionLine(r)) }
        }

        if let s = result.sequence {
            out.append("")
            out.append("Sequence model: per-step accuracy on \(s.probeRows) rows of \(s.probeDataSource)")
            let steps = s.perStepAccuracy.enumerated().map { "t\($0.offset)=\(percent($0.element))" }
            out.append("  " + steps.joined(separator: " "))
            out.append("  leakiest step: \(s.chosenStep) (distilled from)")
        }

        if !result.curves.isEmpty {
            let isRegression = result.outputKind == .regression
            out.append("")
            out.append(
                isRegression
                    ? "Fidelity (R² against the target's outputs) versus queries"
                    : "Fidelity (label agreement with the target) versus queries")
            let budgets = Array(Set(result.curves.flatMap { $0.points.map(\.budget) })).sorted()
            let names = result.curves.map { curveName($0, regression: isRegression) }
            let nameWidth = max(24, names.map(\.count).max() ?? 0)
            var header = "  " + pad("source surrogate loss", nameWidth)
            for b in budgets { header += " " + pad(String(b), 7, left: true) }
            out.append(header)
            for (curve, name) in zip(result.curves, names) {
                var line = "  " + pad(name, nameWidth)
                for b in budgets {
                    let cell: String
                    if let p = curve.points.first(where: { $0.budget == b }) {
                        cell =
                            (isRegression ? String(format: "%.3f", p.fidelity) : percent(p.fidelity))
                            + (p.queries < b ? "*" : "")
                    } else {
                        cell = "—"
                    }
                    line += " " + pad(cell, 7, left: true)
                }
                out.append(line)
            }
            if result.curves.contains(where: { $0.points.contains { $0.queries < $0.budget } }) {
                out.append("  * fewer answers than the budget: the source ran out of rows")
            }
            if let best = result.bestCurve, let last = best.points.last {
                let name = curveName(best, regression: isRegression)
                if let r = last.regression {
                    out.append("  best copy (\(name), \(last.queries) queries):")
                    out.append("    " + regressionLine(r))
                } else {
                    let accuracy = last.accuracy.map { ", accuracy \(percent($0))" } ?? ""
                    out.append(
                        "  best copy (\(name), \(last.queries) queries): fidelity \(percent(last.fidelity))\(accuracy)")
                }
            }
            out.append("")
            out.append("Queries needed (fewest over all sources and losses)")
            for t in result.thresholds {
                let q = result.queriesToReach(t).map { "\($0) queries" } ?? "not reached within budget"
                out.append("  \(isRegression ? "R² ≥ \(t)" : "\(percent(t)) fidelity"): \(q)")
            }
            if let e = result.equationSolving, e.isOfForm {
                let quality =
                    e.fidelity.map { "fidelity \(percent($0))" }
                    ?? e.regression.map { "R² vs target \(String(format: "%.4f", $0.fidelityR2))" } ?? ""
                out.append(
                    "  equation solving instead: \(quality) from \(e.recoveryQueries) queries "
                        + "(+ \(e.verificationQueries) to verify)")
            }
        }
        if !result.notes.isEmpty {
            out.append("")
            out.append("Notes")
            for n in result.notes { out.append("  - \(n)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// "source surrogate loss"; the logistic surrogate of a regressor is linear regression.
    private static func curveName(_ c: ExtractionCurve, regression: Bool) -> String {
        let surrogate = regression && c.surrogate == .logistic ? "linear" : c.surrogate.description
        return "\(c.source) \(surrogate) \(c.loss)"
    }

    private static func percent(_ v: Double) -> String {
        String(format: "%.1f%%", v * 100)
    }

    private static func regressionLine(_ r: RegressionFit) -> String {
        var parts: [String] = []
        if let s = r.surrogateR2, let t = r.targetR2 {
            parts.append("R² \(String(format: "%.3f", s)) (target \(String(format: "%.3f", t)))")
        }
        if let s = r.surrogateMAE, let t = r.targetMAE {
            parts.append("MAE \(String(format: "%.3g", s)) (target \(String(format: "%.3g", t)))")
        }
        parts.append("R² vs target \(String(format: "%.4f", r.fidelityR2))")
        return parts.joined(separator: ", ")
    }

    private static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? fill + s : s + fill
    }
}
