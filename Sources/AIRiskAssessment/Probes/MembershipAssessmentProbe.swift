import AIRiskAccess
import AIRiskProbes
import AIRiskResults

/// Membership inference as an assessment probe: shadow and reference models copy the target's
/// architecture when it is a plain MLP or logistic model.
struct MembershipAssessmentProbe: Probe {
    var kind: ProbeKind { .membership }

    func inapplicability(to description: ModelDescription, plan: AssessmentPlan, purpose: ProbePurpose) -> String? {
        switch purpose {
        case .assessment:
            nil
        case .whatIf:
            description.isClassifier && description.outputKind != .sequence
                ? nil : "membership inference here attacks classifiers"
        }
    }

    func run(_ context: ProbeContext, purpose: ProbePurpose) async throws -> MembershipRun {
        let desc = context.model.description
        var config = context.profile.membership(
            seed: context.plan.seed, scoresAvailable: desc.outputKind != .labels)
        config.queryBudget = context.queryBudget
        if let supplied = context.references, desc.outputKind != .labels {
            // The user's reference models cost only their queries: LiRA and RMIA run in every profile.
            config.suppliedReferences = supplied
            for attack in [MembershipAttack.liraOffline, .liraOnline, .rmiaOffline, .rmiaOnline]
            where !config.attacks.contains(attack) {
                config.attacks.append(attack)
            }
        }
        if let text = context.plan.referenceRecipe {
            config.referenceRecipe = try ReferenceRecipe.parse(
                text,
                defaults: ReferenceRecipe(
                    epochs: config.epochs, l2: config.l2, learningRate: config.learningRate,
                    batchSize: config.batchSize))
        }
        if purpose == .whatIf {
            // The what-if re-runs compare a defense with no defense on the same footing: no recipe search.
            config.referenceRecipeCandidates = []
        }
        if purpose == .assessment {
            if let target = context.architecture {
                config.hiddenSizes = target.hiddenSizes
                // A copy of a model that learned on raw inputs learns on raw inputs too, from the dense layers'
                // common initialisation: standardised inputs give a different function of the same records, and
                // LiRA and RMIA compare the target with its copies record by record (issue 19: on the overfit
                // digits MLP, TPR at 1 % FPR 0.10 with standardised copies, 0.165 without).
                config.rawInputs = !target.scalesInputs
            }
            config.progress = context.progress
        }
        let r = try await MembershipProbe(configuration: config).run(
            model: context.model, members: context.members, nonMembers: context.nonMembers,
            population: context.population)
        return MembershipRun(
            result: r, targetFPR: context.targetFPR, queryBudget: context.queryBudget,
            architecture: purpose == .assessment && desc.isClassifier
                ? .init(
                    target: context.architecture?.hiddenSizes, used: config.hiddenSizes, rawInputs: config.rawInputs)
                : nil,
            exposedImages: purpose == .assessment ? Self.exposedImages(r, context: context) : [])
    }

    /// Pictures of the members the headline attack finds most exposed, for image models (the inputs
    /// `--image-shape` or the model's input shape lay out as a picture): a reviewer sees which records leak.
    static func exposedImages(_ r: MembershipResult, context: ProbeContext, count: Int = 10) -> [ImageArtifact] {
        guard let best = MembershipRun.headline(r, fpr: context.targetFPR)?.attack,
            let values = context.members.features.floats, context.members.count > 0,
            let range = try? FeatureRange(observing: context.members.appending(context.nonMembers).features),
            let drawing = RecordImage(
                imageShape: context.plan.imageShape, inputShape: context.model.description.inputShape, range: range)
        else { return [] }
        let n = context.members.count
        let d = values.count / n
        let labels = best.metrics.memberLabels
        return best.metrics.topExposed.prefix(count).compactMap { e -> ImageArtifact? in
            guard e.index >= 0, e.index < n, let png = drawing.png(Array(values[e.index * d..<(e.index + 1) * d]))
            else { return nil }
            return ImageArtifact(
                title: "Member \(e.index)",
                caption: "score " + String(format: "%.3f", e.score),
                classLabel: e.index < labels.count ? String(labels[e.index]) : nil,
                content: .png(png.data), width: png.width, height: png.height)
        }
    }

    func budgets(_ plan: AssessmentPlan) -> [Budget] {
        let m = plan.profile.membership(seed: plan.seed, scoresAvailable: true)
        return [
            Budget(name: "membership.shadow_models", value: Double(m.shadowModelCount)),
            Budget(name: "membership.reference_models", value: Double(m.referenceModelCount)),
        ]
    }
}

/// One membership inference run and what the assessment reads from it.
struct MembershipRun: ProbeRun {
    /// Which architecture the shadow and reference models had, for the result's notes.
    struct Architecture: Sendable {
        /// The target's hidden layer widths when it is a plain MLP or logistic model.
        var target: [Int]?
        /// The hidden layer widths the shadow and reference models used.
        var used: [Int]
        /// Whether they learned on the raw inputs (Glorot-uniform initialisation) instead of standardised ones.
        var rawInputs: Bool = false
    }

    var result: MembershipResult
    /// The policy's target FPR: the headline cites the TPR at this rate.
    var targetFPR: Double
    var queryBudget: Int?
    /// Present for an assessment run (its result notes the architecture), nil for a what-if re-run.
    var architecture: Architecture?
    /// Pictures of the most exposed members (image models, assessment runs).
    var exposedImages: [ImageArtifact] = []

    var kind: ProbeKind { .membership }

    func probeResult() -> ProbeResult {
        var p = MembershipRun.probeResult(result, budget: queryBudget, targetFPR: targetFPR)
        p.images = exposedImages
        if let architecture {
            p.notes.append(
                architecture.target.map {
                    "in-process shadow and reference models copy the target's architecture: "
                        + ($0.isEmpty ? "multinomial logistic regression" : "MLP with hidden layers \($0)")
                        + (architecture.rawInputs
                            ? ", on the raw inputs as the target (its graph scales none), Glorot-uniform initialisation"
                            : "")
                }
                    ?? "the target is not a plain MLP or logistic model: in-process shadow and reference models are "
                    + "MLPs with "
                    + "hidden layers \(architecture.used)")
        }
        return p
    }

    var headline: LeakageEvidence? { MembershipRun.headline(result, fpr: targetFPR)?.evidence }

    var policyMetrics: [Metric] {
        guard let head = MembershipRun.headline(result, fpr: targetFPR) else { return [] }
        var out = [head.evidence.metric]
        if let f = MembershipRun.figure(head.attack, at: targetFPR) {
            out.append(
                Metric(
                    id: .membershipTPR(atFPR: targetFPR), name: "TPR at \(MembershipRun.percent(targetFPR)) FPR",
                    value: f.tpr.estimate, unit: "fraction", ciLow: f.tpr.lower, ciHigh: f.tpr.upper,
                    basis: head.attack.name, targetFPR: targetFPR))
        }
        return out
    }

    var defenseHeadlines: [ProbeHeadline] {
        var headlines: [ProbeHeadline] = []
        if let head = MembershipRun.headline(result, fpr: targetFPR) {
            headlines.append(
                ProbeHeadline(
                    id: .membershipAUC, name: head.evidence.name, value: head.evidence.value, whenStopped: 0.5))
            if let t = MembershipRun.tpr(head.attack, at: targetFPR) {
                headlines.append(
                    ProbeHeadline(
                        id: .membershipTPR(atFPR: targetFPR),
                        name: "TPR at \(MembershipRun.percent(targetFPR)) FPR (headline attack)", value: t))
            }
        }
        // LiRA is the attack the low-FPR regime is judged by (Carlini et al. 2022); when the profile runs it,
        // its own figure is reported beside the headline attack's.
        for (attack, variant) in [(MembershipAttack.liraOnline, "online"), (.liraOffline, "offline")] {
            if let a = result.attacks.first(where: { $0.attack == attack }), let t = MembershipRun.tpr(a, at: 0.01) {
                headlines.append(
                    ProbeHeadline(id: .liraTPR(variant, atFPR: 0.01), name: "\(a.name) TPR at 1 % FPR", value: t))
            }
        }
        for (attack, variant) in [(MembershipAttack.rmiaOnline, "online"), (.rmiaOffline, "offline")] {
            if let a = result.attacks.first(where: { $0.attack == attack }), let t = MembershipRun.tpr(a, at: 0.01) {
                headlines.append(
                    ProbeHeadline(id: .rmiaTPR(variant, atFPR: 0.01), name: "\(a.name) TPR at 1 % FPR", value: t))
            }
        }
        return headlines
    }

    var warnings: [String] { MembershipRun.warnings(result) }

    var definitions: [Definition] { MembershipRun.definitions(result) }
}
