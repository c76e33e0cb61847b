import AIRiskAccess
import AIRiskProbes
import AIRiskResults

/// Model extraction as an assessment probe: copies trained from the target's answers over a schedule of
/// query budgets (a what-if re-run trains them at the headline budget of 1 000 queries only).
struct ExtractionAssessmentProbe: Probe {
    var kind: ProbeKind { .extraction }

    func inapplicability(to description: ModelDescription, plan: AssessmentPlan, purpose: ProbePurpose) -> String? {
        nil
    }

    func run(_ context: ProbeContext, purpose: ProbePurpose) async throws -> ExtractionRun {
        var config = context.profile.extraction(seed: context.plan.seed)
        var headlineBudget: Int?
        switch purpose {
        case .assessment:
            config.progress = context.progress
        case .whatIf:
            // The what-if is judged by fidelity at 1 000 queries: copies are trained at that budget only (or
            // the schedule's largest below it), which keeps each re-run a fraction of the full probe.
            let b = config.budgets.filter { $0 <= 1000 }.max() ?? config.budgets.min() ?? 1000
            config.budgets = [b]
            headlineBudget = b
        }
        if let budget = context.queryBudget { config.totalQueryBudget = budget }
        let r = try await ExtractionProbe(configuration: config).run(
            model: context.model, publicData: context.population ?? context.members,
            evaluationData: context.nonMembers)
        return ExtractionRun(result: r, populationMissing: context.population == nil, headlineBudget: headlineBudget)
    }

    func budgets(_ plan: AssessmentPlan) -> [Budget] {
        let e = plan.profile.extraction(seed: plan.seed)
        return [Budget(name: "extraction.max_budget", value: Double(plan.queryBudget ?? e.budgets.max() ?? 0))]
    }
}

/// One model extraction run and what the assessment reads from it.
struct ExtractionRun: ProbeRun {
    var result: ExtractionResult
    /// No population set: the member data stood in for the attacker's public data.
    var populationMissing: Bool
    /// The single budget a what-if re-run trained copies at (nil for the full schedule).
    var headlineBudget: Int?

    var kind: ProbeKind { .extraction }

    func probeResult() -> ProbeResult {
        var p = ExtractionRun.probeResult(result)
        if populationMissing {
            p.notes.append("no population set: the member data stood in for the attacker's public data")
        }
        if let reason = failureReason {
            // Nothing was measured: a run that trained no copy must not read as "no leakage".
            p.metrics.removeAll { $0.id == .extractionFidelity }
            p.status = .failed(error: reason)
        }
        return p
    }

    var failureReason: String? {
        ExtractionRun.copiedAnything(result)
            ? nil
            : "no copy could be trained within the query budget of \(result.queryBudget) rows; raise --query-budget"
    }

    var headline: LeakageEvidence? { failureReason == nil ? ExtractionRun.evidence(result) : nil }

    /// A re-run that copied nothing is scored as such (fidelity 0), not left unscored.
    var whatIfEvidence: LeakageEvidence? { ExtractionRun.evidence(result) }

    var defenseHeadlines: [ProbeHeadline] {
        let evidence = ExtractionRun.evidence(result)
        guard let b = headlineBudget else {
            return [ProbeHeadline(id: .extractionFidelity, name: evidence.name, value: evidence.value)]
        }
        return [
            ProbeHeadline(
                id: .extractionFidelity(withinQueries: b), name: "\(evidence.name) within \(b) queries",
                value: evidence.value)
        ]
    }

    var definitions: [Definition] { ExtractionRun.definitions }
}
