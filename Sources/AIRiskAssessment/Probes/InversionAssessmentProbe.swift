import AIRiskAccess
import AIRiskProbes
import AIRiskResults

/// Model inversion as an assessment probe: reconstructions judged by a classifier trained on the members.
struct InversionAssessmentProbe: Probe {
    var kind: ProbeKind { .inversion }

    func inapplicability(to description: ModelDescription, purpose: ProbePurpose) -> String? {
        // A reconstruction is searched in a continuous space; token ids, categories, integers and booleans are not
        // one, and an in-between value is no record (or, for token ids, no input the model accepts).
        let discrete = description.inputColumns?.filter { $0.domain != .continuous } ?? []
        guard let first = discrete.first else { return nil }
        return "inversion searches a continuous input space, and \(discrete.count) of the model's input columns "
            + "are integers, booleans or categories (e.g. '\(first.name)'): there is no reconstruction to judge"
    }

    func run(_ context: ProbeContext, purpose: ProbePurpose) async throws -> InversionRun {
        let desc = context.model.description
        var config = context.profile.inversion(seed: context.plan.seed)
        config.classes = context.plan.classes
        if let s = context.plan.imageShape {
            // H,W[,C] with the pixels in that order: [C, H, W] read channels last.
            config.imageShape = [s.count == 3 ? s[2] : 1, s[0], s[1]]
            config.imageChannelsLast = true
        }
        if let budget = context.queryBudget { config.queryBudget = budget }
        let all = try [context.members, context.nonMembers].reduce(
            into: context.population ?? context.members.subset([])
        ) { $0 = try $0.appending($1) }
        let range = try FeatureRange(observing: all.features)
        var evaluator = context.inversionEvaluator
        if evaluator == nil, purpose == .assessment {
            evaluator = try await Self.evaluator(
                for: desc, members: context.members, seed: context.plan.seed, purpose: purpose)
        }
        // The attacker's public data, which the prior is fitted on: the non-members and the population.
        let publicData = try context.population.map { try $0.appending(context.nonMembers) } ?? context.nonMembers
        let r = try await InversionProbe(configuration: config).run(
            model: context.model, members: context.members, nonMembers: context.nonMembers, range: range,
            publicData: publicData, evaluator: evaluator, progress: purpose == .assessment ? context.progress : nil)
        return InversionRun(
            result: r, range: range, featureNames: context.featureNames, classCount: desc.outputWidth)
    }

    /// The classifier that judges attack accuracy, trained on the members (nil when the model's answers
    /// carry no class scores: labels-only and regressors, and sequences in a what-if).
    static func evaluator(
        for desc: ModelDescription, members: LabeledData, seed: UInt64, purpose: ProbePurpose
    ) async throws -> (any ModelAccess)? {
        guard desc.isClassifier, desc.outputKind != .labels, purpose == .assessment || desc.outputKind != .sequence
        else { return nil }
        return try await EngineNetworkTrainer(hiddenSizes: [64], epochs: 60).train(
            members, classCount: desc.outputWidth, seed: seed &+ 17)
    }

    func budgets(_ plan: AssessmentPlan) -> [Budget] {
        let i = plan.profile.inversion(seed: plan.seed)
        return [
            Budget(name: "inversion.restarts", value: Double(i.restarts)),
            Budget(name: "inversion.max_iterations", value: Double(i.maxIterations)),
            Budget(name: "inversion.query_budget", value: Double(plan.queryBudget ?? i.queryBudget ?? 0)),
        ]
    }
}

/// One model inversion run and what the assessment reads from it.
struct InversionRun: ProbeRun {
    var result: InversionResult
    var range: FeatureRange
    var featureNames: [String]
    var classCount: Int

    var kind: ProbeKind { .inversion }

    func probeResult() -> ProbeResult {
        InversionRun.probeResult(result, range: range, featureNames: featureNames, classCount: classCount)
    }

    var notApplicableReason: String? { result.notApplicableReason }

    var headline: LeakageEvidence? {
        result.notApplicableReason == nil ? InversionRun.evidence(result, classCount: classCount) : nil
    }

    var defenseHeadlines: [ProbeHeadline] {
        guard let evidence = headline else { return [] }
        return [
            ProbeHeadline(id: .inversionAttackAccuracy, name: evidence.name, value: evidence.value),
            ProbeHeadline(
                id: .inversionClassesReached, name: "Classes reached (target's own label)",
                value: result.targetSuccessRate),
        ]
    }

    var definitions: [Definition] { InversionRun.definitions }
}
