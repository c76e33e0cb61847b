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
        await run(kind.probe, model: model, queryBudget: queryBudget)
    }

    func run(_ probe: some Probe, model: any ModelAccess, queryBudget: Int? = nil) async -> ProbeOutcome {
        let kind = probe.kind
        let desc = model.description
        if let reason = probe.inapplicability(to: desc, plan: plan, purpose: .whatIf) { return .notRun(kind, reason) }
        let context = ProbeContext(
            model: model, members: members, nonMembers: nonMembers, population: population, plan: plan,
            profile: profile, queryBudget: queryBudget ?? plan.queryBudget, targetFPR: scorer.membershipTargetFPR,
            inversionEvaluator: inversionEvaluator)
        do {
            let run = try await probe.run(context, purpose: .whatIf)
            if let reason = run.notApplicableReason { return .notRun(kind, reason) }
            var outcome = ProbeOutcome(
                kind: kind, ran: true, reason: nil, headlines: run.defenseHeadlines, evidence: run.whatIfEvidence,
                severity: nil)
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
