import AIRiskProbes
import AIRiskResults
import Foundation

/// The membership probe's result in the canonical results form, and the metrics the policy
/// scores it by: the glue ``MembershipRun``'s conformance to ``ProbeRun`` is made of.
extension MembershipRun {
    static func probeResult(_ r: MembershipResult, budget: Int?, targetFPR: Double) -> ProbeResult {
        var p = ProbeResult(
            id: "membership", title: "Membership inference", accessAssumed: r.accessLevel.rawValue,
            queries: QueryUsage(
                calls: r.queries.calls, rows: r.queries.rows, gradientCalls: r.queries.gradientCalls, budget: budget),
            wallTimeSeconds: r.wallTimeSeconds, seed: r.seed, notes: r.notes)
        for s in r.skipped { p.notes.append("\(s.attack.displayName) not run: \(s.reason)") }
        // How each attack ran (RMIA's calibrated a, LiRA's variance, budget cuts, timing), once per fact: the
        // reference set's origin is already a note of the run.
        for a in r.attacks {
            for note in a.notes where note != r.referenceOrigin && !p.notes.contains(where: { $0.hasSuffix(note) }) {
                // "LiRA online: online: IN and OUT …" says its variant twice.
                let variant = ["online: ", "offline: "].first { note.hasPrefix($0) }
                let text = variant.map { String(note.dropFirst($0.count)) }
                p.notes.append("\(a.name): \(text ?? note)")
            }
        }
        if let head = headline(r, fpr: targetFPR) {
            let best = head.attack
            let evidence = head.evidence
            let m = best.metrics
            p.metrics.append(evidence.metric)
            for f in m.lowFPR {
                p.metrics.append(
                    Metric(
                        id: .membershipTPR(atFPR: f.targetFPR), name: "TPR at \(percent(f.targetFPR)) FPR",
                        value: f.tpr.estimate, unit: "fraction",
                        ciLow: f.tpr.lower, ciHigh: f.tpr.upper,
                        basis:
                            "\(best.name); \(f.negatives) non-members, at most \(f.maxFalsePositives) false positives allowed; "
                            + (f.tpr.lower > f.fprUpperBound
                                ? "the interval excludes chance (the threshold's FPR, ≤ \(percent(f.fprUpperBound)))"
                                : "the interval does not exclude chance (the threshold's FPR, ≤ \(percent(f.fprUpperBound)))")
                            + (f.note.map { "; \($0)" } ?? ""),
                        targetFPR: f.targetFPR))
            }
            p.metrics.append(
                Metric(
                    id: .membershipAdvantage, name: "Membership advantage", value: m.advantage, unit: "TPR − FPR",
                    basis: best.name))
            if let top = r.attacks.max(by: { $0.metrics.epsilon.epsilon < $1.metrics.epsilon.epsilon }) {
                p.metrics.append(
                    Metric(
                        id: .membershipEpsilon, name: "Empirical ε lower bound", value: top.metrics.epsilon.epsilon,
                        unit: "ε",
                        basis:
                            "largest over the attacks (\(top.name)); δ = \(top.metrics.epsilon.delta), Clopper–Pearson 95 % bounds"
                    ))
            }
        }
        if let e = r.regressionError {
            p.metrics.append(
                Metric(
                    id: .membershipTrainMSE, name: "Mean squared error (members)", value: e.memberMSE,
                    unit: "squared target units", basis: "averaged over \(e.outputCount) output(s)"))
            p.metrics.append(
                Metric(
                    id: .membershipTestMSE, name: "Mean squared error (non-members)", value: e.nonMemberMSE,
                    unit: "squared target units", basis: "averaged over \(e.outputCount) output(s)"))
        } else {
            p.metrics.append(
                Metric(
                    id: .membershipTrainAccuracy, name: "Train accuracy (members)", value: r.memberAccuracy,
                    unit: "fraction"))
            p.metrics.append(
                Metric(
                    id: .membershipTestAccuracy, name: "Test accuracy (non-members)", value: r.nonMemberAccuracy,
                    unit: "fraction"))
            p.metrics.append(
                Metric(
                    id: .membershipGeneralisationGap, name: "Generalisation gap", value: r.accuracyGap,
                    unit: "fraction"))
        }

        var rows: [[TableCell]] = []
        for a in r.attacks {
            let m = a.metrics
            let ci = aucInterval(a)
            var row: [TableCell] = [
                .text(a.name), .number(m.auc), .text(String(format: "[%.3f, %.3f]", ci.lower, ci.upper)),
            ]
            for f in m.lowFPR {
                row.append(.text(String(format: "%.3f [%.3f, %.3f]", f.tpr.estimate, f.tpr.lower, f.tpr.upper)))
            }
            row += [.number(m.advantage), .number(m.balancedAccuracy), .number(m.epsilon.epsilon)]
            rows.append(row)
        }
        let fprColumns = r.attacks.first?.metrics.lowFPR.map { "TPR @ \(percent($0.targetFPR)) FPR [95 % CI]" } ?? []
        p.tables.append(
            ResultTable(
                id: .membershipAttacksTable, title: "Attacks",
                columns: ["Attack", "AUC", "AUC 95 % CI"] + fprColumns + [
                    "Advantage", "Balanced accuracy", "ε lower bound",
                ],
                rows: rows))
        if let best = headline(r, fpr: targetFPR)?.attack {
            p.tables.append(
                ResultTable(
                    title: "Most exposed member records (\(best.name))",
                    columns: ["Member index"] + (best.metrics.memberLabels.isEmpty ? [] : ["Label"]) + ["Score"],
                    rows: best.metrics.topExposed.map { e in
                        let labels = best.metrics.memberLabels
                        return [.number(Double(e.index))]
                            + (labels.isEmpty ? [] : [.number(Double(e.index < labels.count ? labels[e.index] : -1))])
                            + [.number(e.score)]
                    }))
            // Every member's score, and whether the attack's threshold at the policy's FPR flags it (score ≥ t):
            // the report shows the first rows and writes the whole table as CSV.
            let threshold = figure(best, at: targetFPR)?.threshold
            let scores = best.metrics.memberScores
            let labels = best.metrics.memberLabels
            p.tables.append(
                ResultTable(
                    title: "Per-record scores (\(best.name))",
                    columns: ["Member index"] + (labels.isEmpty ? [] : ["Label"]) + ["Score"]
                        + (threshold == nil ? [] : ["Flagged at \(percent(targetFPR)) FPR"]),
                    rows: scores.indices.map { i in
                        // A regressor's records carry targets, not class labels: no label column.
                        var row: [TableCell] =
                            labels.isEmpty
                            ? [.number(Double(i)), .number(scores[i])]
                            : [
                                .number(Double(i)), .number(Double(i < labels.count ? labels[i] : -1)),
                                .number(scores[i]),
                            ]
                        if let threshold { row.append(.text(scores[i] >= threshold ? "yes" : "no")) }
                        return row
                    }))
            if !best.metrics.perClassAUC.isEmpty {
                p.tables.append(
                    ResultTable(
                        title: "Per-class AUC (\(best.name))",
                        columns: ["Class", "AUC", "AUC 95 % CI", "Members", "Non-members"],
                        rows: best.metrics.perClassAUC.map {
                            // A class holds a tenth of the records or fewer: its interval is wide, and says so.
                            let ci = AUCInterval.hanleyMcNeil(
                                auc: $0.auc, positives: $0.members, negatives: $0.nonMembers)
                            return [
                                .number(Double($0.label)), .text(String(format: "%.3f", $0.auc)),
                                .text(String(format: "[%.3f, %.3f]", ci.lower, ci.upper)),
                                .number(Double($0.members)), .number(Double($0.nonMembers)),
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
        if let s = r.sequence {
            // Each step's loss attack over all records: descriptive (the leakiest-step attack chooses on held-out
            // halves), with each step's accuracy on members and non-members beside it.
            p.tables.append(
                ResultTable(
                    title: "Loss attack at each step (sequence model)",
                    columns: ["Step", "AUC", "AUC 95 % CI", "Member accuracy", "Non-member accuracy"],
                    rows: s.perStepLossAUC.indices.map { t in
                        let ci = AUCInterval.hanleyMcNeil(
                            auc: s.perStepLossAUC[t], positives: r.memberCount, negatives: r.nonMemberCount)
                        return [
                            .number(Double(t)), .text(String(format: "%.3f", s.perStepLossAUC[t])),
                            .text(String(format: "[%.3f, %.3f]", ci.lower, ci.upper)),
                            .number(s.memberAccuracy[t]), .number(s.nonMemberAccuracy[t]),
                        ]
                    }))
            p.curves.append(
                Curve.perStep(
                    s.perStepLossAUC, title: "Loss-attack AUC per step (sequence outputs)", yLabel: "AUC",
                    seriesName: "loss threshold"))
        }
        p.curves.append(
            Curve(
                id: .membershipROC, title: "ROC (log-log)", xLabel: "false positive rate", yLabel: "true positive rate",
                logX: true,
                logY: true,
                diagonal: true,
                series: r.attacks.map { a in
                    CurveSeries(name: a.name, points: a.metrics.roc.map { CurvePoint(x: $0.fpr, y: $0.tpr) })
                }))
        return p
    }

    /// The headline rule: the attack whose AUC has the highest lower 95 % bound (Hanley–McNeil; then
    /// the higher AUC, then the higher TPR lower bound at the policy's FPR), judged by what the data
    /// shows with 95 % confidence rather than by a lucky point estimate. AUC rather than TPR at a low
    /// FPR because a few hundred non-members allow only a handful of false positives at 1 % FPR, which
    /// leaves that figure's interval too wide to tell an overfit model from a regularised one; the
    /// TPR at the policy's FPR of the same attack is reported beside it with its own interval.
    static func headline(
        _ r: MembershipResult, fpr: Double
    ) -> (attack: MembershipAttackResult, evidence: LeakageEvidence)? {
        let ranked = r.attacks.map { ($0, aucInterval($0)) }
        guard
            let top = ranked.max(by: { x, y in
                if x.1.lower != y.1.lower { return x.1.lower < y.1.lower }
                if x.0.metrics.auc != y.0.metrics.auc { return x.0.metrics.auc < y.0.metrics.auc }
                return (figure(x.0, at: fpr)?.tpr.lower ?? 0) < (figure(y.0, at: fpr)?.tpr.lower ?? 0)
            })
        else { return nil }
        let (best, ci) = top
        let tprText =
            figure(best, at: fpr).map { f in
                "; its TPR at \(percent(fpr)) FPR "
                    + String(format: "%.3f [%.3f, %.3f]", f.tpr.estimate, f.tpr.lower, f.tpr.upper)
                    + " (Clopper–Pearson; chance = the threshold's FPR, ≤ \(String(format: "%.3f", f.fprUpperBound)) "
                    + "at 95 %)"
            } ?? ""
        let evidence = LeakageEvidence(
            id: .membershipAUC, name: "Attack AUC", value: best.metrics.auc, lower: ci.lower, upper: ci.upper,
            chance: 0.5,
            basis:
                "\(best.name), the attack with the highest lower bound; \(best.metrics.memberCount) members, "
                + "\(best.metrics.nonMemberCount) non-members, Hanley–McNeil 95 %" + tprText)
        return (best, evidence)
    }

    static func figure(_ a: MembershipAttackResult, at fpr: Double) -> LowFPRFigure? {
        a.metrics.lowFPR.first { abs($0.targetFPR - fpr) < 1e-12 }
    }

    static func tpr(_ a: MembershipAttackResult, at fpr: Double) -> Double? {
        figure(a, at: fpr)?.tpr.estimate
    }

    static func aucInterval(_ a: MembershipAttackResult) -> (lower: Double, upper: Double) {
        AUCInterval.hanleyMcNeil(
            auc: a.metrics.auc, positives: a.metrics.memberCount, negatives: a.metrics.nonMemberCount)
    }

    /// Sanity warnings: splits that look swapped (attacks significantly below chance) and FPRs the
    /// non-member count cannot resolve.
    static func warnings(_ r: MembershipResult) -> [String] {
        var out: [String] = []
        let strict = r.attacks.map { a in
            (
                a,
                AUCInterval.hanleyMcNeil(
                    auc: a.metrics.auc, positives: a.metrics.memberCount, negatives: a.metrics.nonMemberCount,
                    z: 2.575829)
            )
        }
        let below = strict.filter { $0.1.upper < 0.5 }
        let above = strict.filter { $0.1.lower > 0.5 }
        if !below.isEmpty, above.isEmpty {
            let list = below.map { String(format: "%@ AUC %.3f", $0.0.name, $0.0.metrics.auc) }
            out.append(
                "members and non-members look swapped: \(list.joined(separator: ", ")) — significantly below chance "
                    + "(99 % interval under 0.5) and no attack above it; check that --members holds the training "
                    + "records and --nonmembers records the model never saw")
        }
        if let a = r.attacks.first {
            let unresolved = a.metrics.lowFPR.filter { $0.maxFalsePositives == 0 }
            if !unresolved.isEmpty {
                let fprs = unresolved.map { percent($0.targetFPR) }.joined(separator: ", ")
                out.append(
                    "too few non-members for TPR at \(fprs) FPR: with \(a.metrics.nonMemberCount) non-members the "
                        + "threshold can allow no false positive, so those figures are TPR at zero observed false "
                        + "positives; about \(Int((1 / (unresolved.map(\.targetFPR).min() ?? 0.01)).rounded()) * 10) "
                        + "non-members resolve them")
            }
        }
        return out
    }

    static func definitions(_ r: MembershipResult) -> [Definition] {
        r.metricDefinitions.map { Definition(term: $0.name, text: $0.definition) }
    }

    static func percent(_ x: Double) -> String {
        let v = x * 100
        return v == v.rounded() ? "\(Int(v)) %" : String(format: "%.1f %%", v)
    }
}
