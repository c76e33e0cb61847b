import AIRiskAccess
import AIRiskProbes
import AIRiskResults

/// Model inversion as an assessment probe: reconstructions judged by a classifier trained on the members.
struct InversionAssessmentProbe: Probe {
    var kind: ProbeKind { .inversion }

    func inapplicability(to description: ModelDescription, plan: AssessmentPlan, purpose: ProbePurpose) -> String? {
        // Attribute inference asks about the record as it is, with one feature swapped: any input space will do.
        if plan.sensitiveFeature != nil, purpose == .assessment { return nil }
        return Self.reconstructionInapplicability(description)
    }

    /// Why reconstructions cannot be searched for: a reconstruction is searched in a continuous space; token ids,
    /// categories, integers and booleans are not one, and an in-between value is no record (or, for token ids, no
    /// input the model accepts).
    static func reconstructionInapplicability(_ description: ModelDescription) -> String? {
        let discrete = description.inputColumns?.filter { $0.domain != .continuous } ?? []
        guard let first = discrete.first else { return nil }
        let columns =
            discrete.count == 1
            ? "1 of the model's input columns is an integer, a boolean, a category or free text"
            : "\(discrete.count) of the model's input columns are integers, booleans, categories or free text"
        return "inversion searches a continuous input space, and \(columns) (e.g. '\(first.name)'): there is no "
            + "reconstruction to judge"
    }

    func run(_ context: ProbeContext, purpose: ProbePurpose) async throws -> InversionRun {
        let desc = context.model.description
        var config = context.profile.inversion(seed: context.plan.seed)
        config.classes = context.plan.classes
        if let objective = context.plan.inversionObjective { config.objective = objective }
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
        let r: InversionResult
        if let reason = Self.reconstructionInapplicability(desc) {
            r = .notRun(reason, access: .scores, configuration: config, inputShape: desc.inputShape)
        } else {
            r = try await InversionProbe(configuration: config).run(
                model: context.model, members: context.members, nonMembers: context.nonMembers, range: range,
                publicData: publicData, evaluator: evaluator, progress: purpose == .assessment ? context.progress : nil)
        }
        var attribute: AttributeInference.Result?
        if let sensitive = context.plan.sensitiveFeature {
            let index = try Assessor.featureIndex(
                sensitive, names: context.featureNames, width: context.members.rowWidth)
            var ai = AttributeInference.Configuration(
                feature: index, name: index < context.featureNames.count ? context.featureNames[index] : "f\(index)")
            ai.queryBudget = context.queryBudget
            attribute = try await AttributeInference(configuration: ai).run(
                model: context.model, members: context.members, nonMembers: context.nonMembers,
                publicData: publicData)
        }
        return InversionRun(
            result: r, range: range, featureNames: context.featureNames, classCount: desc.outputWidth,
            attribute: attribute)
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
    /// Attribute inference on the sensitive feature, when the plan names one: then the headline.
    var attribute: AttributeInference.Result?

    var kind: ProbeKind { .inversion }

    func probeResult() -> ProbeResult {
        var p = InversionRun.probeResult(result, range: range, featureNames: featureNames, classCount: classCount)
        if let attribute, let reason = result.notApplicableReason {
            // No reconstruction, but attribute inference ran: the probe ran, on its attribute figure alone.
            p.status = .ran
            p.accessAssumed = attribute.usedScores ? AccessLevel.scores.rawValue : AccessLevel.labelsOnly.rawValue
            p.queries.rows = attribute.rowsQueried
            p.notes.insert("no reconstruction: \(reason)", at: 0)
            p.metrics.insert(InversionRun.evidence(attribute).metric, at: 0)
            InversionRun.add(attribute, to: &p)
        } else if let attribute {
            p.queries.rows += attribute.rowsQueried
            // The attribute figure is the headline; the reconstructions' accuracy stays, as a plain metric.
            if let i = p.metrics.firstIndex(where: { $0.id == .inversionAttackAccuracy }) {
                p.metrics[i].name =
                    p.metrics[i].name.replacingOccurrences(of: "Headline: ", with: "")
                    + " (reconstructions)"
            }
            p.metrics.insert(InversionRun.evidence(attribute).metric, at: 0)
            InversionRun.add(attribute, to: &p)
        }
        return p
    }

    var notApplicableReason: String? { attribute == nil ? result.notApplicableReason : nil }

    var headline: LeakageEvidence? {
        if let attribute { return InversionRun.evidence(attribute) }
        guard result.notApplicableReason == nil else { return nil }
        return InversionRun.evidence(result, classCount: classCount)
    }

    var defenseHeadlines: [ProbeHeadline] {
        guard let evidence = headline else { return [] }
        if attribute != nil {
            return [ProbeHeadline(id: .inversionAttributeAccuracy, name: evidence.name, value: evidence.value)]
        }
        return [
            ProbeHeadline(id: .inversionAttackAccuracy, name: evidence.name, value: evidence.value),
            ProbeHeadline(
                id: .inversionClassesReached, name: "Classes reached (target's own label)",
                value: result.targetSuccessRate),
        ]
    }

    var definitions: [Definition] {
        InversionRun.definitions
            + (attribute == nil
                ? []
                : [
                    Definition(
                        term: "attribute inference",
                        text: "Knowing a record's other features and its label, the attacker asks the model once per "
                            + "candidate value of the sensitive feature and keeps the value maximising p(true label) × "
                            + "the value's share of the public data (Fredrikson et al. 2014). Accuracy is the share of "
                            + "records whose value (or decile bin, for a continuous feature) is guessed right; chance is "
                            + "guessing the public data's most common value for everyone. Right guesses on non-members "
                            + "as well mean the model reveals the population's correlations rather than its members.")
                ])
    }
}
