import AIRiskProbes
import AIRiskResults
import Foundation

/// The membership probe's result in the canonical results form, and the metrics the policy
/// scores it by.
enum MembershipReport {
    static func probeResult(_ r: MembershipResult, budget: Int?) -> ProbeResult {
        var p = ProbeResult(
            id: "membership", title: "Membership inference", accessAssumed: r.accessLevel.rawValue,
            queries: QueryUsage(
                calls: r.queries.calls, rows: r.queries.rows, gradientCalls: r.queries.gradientCalls, budget: budget),
            wallTimeSeconds: r.wallTimeSeconds, seed: r.seed, notes: r.notes)
        for s in r.skipped { p.notes.append("\(s.attack.displayName) not run: \(s.reason)") }
        if let best = bestAttack(r) {
            let m = best.metrics
            p.metrics.append(Metric(name: "Best attack", value: m.auc, unit: "AUC", basis: best.name))
            for f in m.lowFPR {
                p.metrics.append(
                    Metric(
                        name: "TPR at \(percent(f.targetFPR)) FPR", value: f.tpr.estimate, unit: "fraction",
                        ciLow: f.tpr.lower, ciHigh: f.tpr.upper,
                        basis:
                            "\(best.name); \(f.negatives) non-members, at most \(f.maxFalsePositives) false positives allowed"
                            + (f.note.map { "; \($0)" } ?? "")))
            }
            p.metrics.append(
                Metric(name: "Membership advantage", value: m.advantage, unit: "TPR − FPR", basis: best.name))
            p.metrics.append(
                Metric(
                    name: "Empirical ε lower bound", value: m.epsilon.epsilon, unit: "ε",
                    basis: "δ = \(m.epsilon.delta), Clopper–Pearson 95 % bounds, \(best.name)"))
        }
        p.metrics.append(Metric(name: "Train accuracy (members)", value: r.memberAccuracy, unit: "fraction"))
        p.metrics.append(Metric(name: "Test accuracy (non-members)", value: r.nonMemberAccuracy, unit: "fraction"))
        p.metrics.append(Metric(name: "Generalisation gap", value: r.accuracyGap, unit: "fraction"))

        var rows: [[TableCell]] = []
        for a in r.attacks {
            let m = a.metrics
            var row: [TableCell] = [.text(a.name), .number(m.auc)]
            for f in m.lowFPR {
                row.append(.text(String(format: "%.3f [%.3f, %.3f]", f.tpr.estimate, f.tpr.lower, f.tpr.upper)))
            }
            row += [.number(m.advantage), .number(m.balancedAccuracy), .number(m.epsilon.epsilon)]
            rows.append(row)
        }
        let fprColumns = r.attacks.first?.metrics.lowFPR.map { "TPR @ \(percent($0.targetFPR)) FPR [95 % CI]" } ?? []
        p.tables.append(
            ResultTable(
                title: "Attacks",
                columns: ["Attack", "AUC"] + fprColumns + ["Advantage", "Balanced accuracy", "ε lower bound"],
                rows: rows))
        if let best = bestAttack(r) {
            p.tables.append(
                ResultTable(
                    title: "Most exposed member records (\(best.name))", columns: ["Member index", "Score"],
                    rows: best.metrics.topExposed.map { [.number(Double($0.index)), .number($0.score)] }))
            if !best.metrics.perClassAUC.isEmpty {
                p.tables.append(
                    ResultTable(
                        title: "Per-class AUC (\(best.name))", columns: ["Class", "AUC", "Members", "Non-members"],
                        rows: best.metrics.perClassAUC.map {
                            [
                                .number(Double($0.label)), .number($0.auc), .number(Double($0.members)),
                                .number(Double($0.nonMembers)),
                            ]
                        }))
            }
            let h = best.metrics.histogram
            p.histograms.append(
                Histogram(
                    title: "Attack scores: members vs non-members (\(best.name))", xLabel: "attack score",
                    edges: h.edges,
                    series: [
                        HistogramSeries(name: "members", counts: h.members),
                        HistogramSeries(name: "non-members", counts: h.nonMembers),
                    ]))
        }
        p.curves.append(
            Curve(
                title: "ROC (log-log)", xLabel: "false positive rate", yLabel: "true positive rate", logX: true,
                logY: true,
                diagonal: true,
                series: r.attacks.map { a in
                    CurveSeries(name: a.name, points: a.metrics.roc.map { CurvePoint(x: $0.fpr, y: $0.tpr) })
                }))
        return p
    }

    /// The attack with the highest TPR at 1 % FPR (AUC breaks ties): what a careful attacker would use.
    static func bestAttack(_ r: MembershipResult) -> MembershipAttackResult? {
        r.attacks.max { a, b in
            let ta = tpr(a, at: 0.01) ?? 0
            let tb = tpr(b, at: 0.01) ?? 0
            return ta != tb ? ta < tb : a.metrics.auc < b.metrics.auc
        }
    }

    static func tpr(_ a: MembershipAttackResult, at fpr: Double) -> Double? {
        a.metrics.lowFPR.first { abs($0.targetFPR - fpr) < 1e-12 }?.tpr.estimate
    }

    /// Policy metric id → value: the strongest attack's figures.
    static func policyMetrics(_ r: MembershipResult) -> [String: Double] {
        var m: [String: Double] = [:]
        if let t = r.attacks.compactMap({ tpr($0, at: 0.01) }).max() { m["membership.tpr_at_1pct_fpr"] = t }
        if let auc = r.attacks.map(\.metrics.auc).max() { m["membership.auc"] = auc }
        return m
    }

    static func definitions(_ r: MembershipResult) -> [Definition] {
        r.metricDefinitions.map { Definition(term: $0.name, text: $0.definition) }
    }

    static func percent(_ x: Double) -> String {
        let v = x * 100
        return v == v.rounded() ? "\(Int(v)) %" : String(format: "%.1f %%", v)
    }
}
