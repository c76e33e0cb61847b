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
                let head = MembershipReport.headline(r, fpr: scorer.membershipTargetFPR)
                var headlines: [ProbeOutcome.Headline] = []
                if let head {
                    headlines.append(.init(name: head.evidence.name, value: head.evidence.value))
                    if let t = MembershipReport.tpr(head.attack, at: scorer.membershipTargetFPR) {
                        headlines.append(
                            .init(
                                name:
                                    "TPR at \(MembershipReport.percent(scorer.membershipTargetFPR)) FPR (headline attack)",
                                value: t))
                    }
                }
                // LiRA is the attack the low-FPR regime is judged by (Carlini et al. 2022); when the profile
                // runs it, its own figure is reported beside the headline attack's.
                for attack in [MembershipAttack.liraOnline, .liraOffline] {
                    if let a = r.attacks.first(where: { $0.attack == attack }),
                        let t = MembershipReport.tpr(a, at: 0.01)
                    {
                        headlines.append(.init(name: "\(a.name) TPR at 1 % FPR", value: t))
                    }
                }
                outcome = ProbeOutcome(
                    kind: kind, ran: true, reason: nil, headlines: headlines, evidence: head?.evidence, severity: nil)
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
                let evidence = InversionReport.evidence(r, classCount: desc.outputWidth)
                let headlines: [ProbeOutcome.Headline] = [
                    .init(name: evidence.name, value: evidence.value),
                    .init(name: "Classes reached (target's own label)", value: r.targetSuccessRate),
                ]
                outcome = ProbeOutcome(
                    kind: kind, ran: true, reason: nil, headlines: headlines, evidence: evidence, severity: nil)
            case .extraction:
                var config = profile.extraction(seed: plan.seed)
                // The what-if is judged by fidelity at 1 000 queries: copies are trained at that budget only
                // (or the schedule's largest below it), which keeps each re-run a fraction of the full probe.
                let headlineBudget = config.budgets.filter { $0 <= 1000 }.max() ?? config.budgets.min() ?? 1000
                config.budgets = [headlineBudget]
                if let budget { config.totalQueryBudget = budget }
                let r = try await ExtractionProbe(configuration: config).run(
                    model: model, publicData: population ?? members, evaluationData: nonMembers)
                let evidence = ExtractionReport.evidence(r)
                outcome = ProbeOutcome(
                    kind: kind, ran: true, reason: nil,
                    headlines: [
                        .init(name: "\(evidence.name) within \(headlineBudget) queries", value: evidence.value)
                    ],
                    evidence: evidence, severity: nil)
            }
            if let evidence = outcome.evidence {
                outcome.severity =
                    try scorer.score(
                        probe: kind.rawValue, evidence: evidence,
                        context: ScoringContext(
                            sensitivity: plan.dataSensitivity, exposure: plan.exposure,
                            access: desc.accessLevel.rawValue)
                    )
                    .severity
            }
            return outcome
        } catch {
            return .failure(kind, error)
        }
    }
}
