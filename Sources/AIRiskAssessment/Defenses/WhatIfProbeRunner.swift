import AIRiskAccess
import AIRiskProbes
import AIRiskResults
import Foundation

/// Runs one probe against any model access (a defended deployment) with the plan's data and seed
/// and a given profile, and reduces the result to a ``ProbeOutcome``: the what-if re-runs of
/// ``DefenseEvaluator``.
struct WhatIfProbeRunner: Sendable {
    var plan: AssessmentPlan
    var profile: Profile
    var members: LabeledData
    var nonMembers: LabeledData
    var population: LabeledData?
    /// The classifier trained on the members that judges inversion attack accuracy (shared by
    /// every re-run, so it is trained once).
    var inversionEvaluator: (any ModelAccess)?
    var scorer: RiskScorer

    /// Runs `kind` against `model`; `queryBudget` overrides the plan's per-probe budget.
    func run(_ kind: ProbeKind, model: any ModelAccess, queryBudget: Int? = nil) async -> ProbeOutcome {
        let desc = model.description
        let budget = queryBudget ?? plan.queryBudget
        do {
            var outcome: ProbeOutcome
            switch kind {
            case .membership:
                guard desc.isClassifier, desc.outputKind != .sequence else {
                    return .notRun(kind, "membership inference here attacks classifiers")
                }
                var config = profile.membership(seed: plan.seed, scoresAvailable: desc.outputKind != .labels)
                config.queryBudget = budget
                let r = try await MembershipProbe(configuration: config).run(
                    model: model, members: members, nonMembers: nonMembers, population: population)
                let metrics = MembershipReport.policyMetrics(r)
                var headlines: [ProbeOutcome.Headline] = [
                    .init(name: "Best attack AUC", value: metrics["membership.auc"] ?? 0.5),
                    .init(name: "TPR at 1 % FPR", value: metrics["membership.tpr_at_1pct_fpr"] ?? 0),
                ]
                // LiRA is the attack the low-FPR regime is judged by (Carlini et al. 2022); when the profile
                // runs it, its own figure is reported beside the best attack's.
                for attack in [MembershipAttack.liraOnline, .liraOffline] {
                    if let a = r.attacks.first(where: { $0.attack == attack }),
                        let t = MembershipReport.tpr(a, at: 0.01)
                    {
                        headlines.append(.init(name: "\(a.name) TPR at 1 % FPR", value: t))
                    }
                }
                outcome = ProbeOutcome(
                    kind: kind, ran: true, reason: nil, headlines: headlines, policyMetrics: metrics, severity: nil)
            case .inversion:
                var config = profile.inversion(seed: plan.seed)
                config.classes = plan.classes
                if let budget { config.queryBudget = budget }
                let all = try [members, nonMembers].reduce(into: population ?? members.subset([])) {
                    $0 = try $0.appending($1)
                }
                let range = try FeatureRange(observing: all.features)
                let r = try await InversionProbe(configuration: config).run(
                    model: model, members: members, nonMembers: nonMembers, range: range,
                    evaluator: inversionEvaluator)
                if let reason = r.notApplicableReason { return .notRun(kind, reason) }
                let metrics = InversionReport.policyMetrics(r)
                var headlines: [ProbeOutcome.Headline] = []
                if let acc = r.attackAccuracy { headlines.append(.init(name: "Attack accuracy", value: acc)) }
                headlines.append(.init(name: "Classes reached (target's own label)", value: r.targetSuccessRate))
                outcome = ProbeOutcome(
                    kind: kind, ran: true, reason: nil, headlines: headlines, policyMetrics: metrics, severity: nil)
            case .extraction:
                var config = profile.extraction(seed: plan.seed)
                // The what-if is judged by fidelity at 1 000 queries: copies are trained at that budget only
                // (or the schedule's largest below it), which keeps each re-run a fraction of the full probe.
                let headlineBudget = config.budgets.filter { $0 <= 1000 }.max() ?? config.budgets.min() ?? 1000
                config.budgets = [headlineBudget]
                if let budget { config.totalQueryBudget = budget }
                let r = try await ExtractionProbe(configuration: config).run(
                    model: model, publicData: population ?? members, evaluationData: nonMembers)
                let metrics = ExtractionReport.policyMetrics(r)
                outcome = ProbeOutcome(
                    kind: kind, ran: true, reason: nil,
                    headlines: [
                        .init(
                            name: "Fidelity after 1,000 queries",
                            value: metrics["extraction.fidelity_at_1000_queries"] ?? 0)
                    ], policyMetrics: metrics, severity: nil)
            }
            outcome.severity =
                try scorer.score(
                    probe: kind.rawValue, metrics: outcome.policyMetrics, sensitivity: plan.dataSensitivity
                )
                .severity
            return outcome
        } catch {
            return .failure(kind, error)
        }
    }
}
