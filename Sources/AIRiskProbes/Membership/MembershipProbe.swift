import AIRiskAccess
import AIRiskTensor
import Foundation

/// The membership-inference probe: can an attacker tell whether a record was in the model's
/// training set?
///
/// All attacks score the same members (positives) and non-members (negatives). The target is
/// queried once on those records for the score-based and gap attacks; the boundary-distance
/// attack adds perturbed queries within the budget; RMIA adds one query of the population rows z. LiRA
/// and RMIA share one set of reference models: the user's (``MembershipProbeConfiguration/suppliedReferences``)
/// or models trained in-process. Shadow and reference models are trained
/// in-process with ``MembershipProbeConfiguration/effectiveTrainer``, in parallel, on the population
/// set when one is given (otherwise on the member and non-member records, which the result notes).
package struct MembershipProbe: Sendable {
    package var configuration: MembershipProbeConfiguration

    package init(configuration: MembershipProbeConfiguration = MembershipProbeConfiguration()) {
        self.configuration = configuration
    }

    package func run(
        model: any ModelAccess, members: LabeledData, nonMembers: LabeledData, population: LabeledData?
    ) async throws -> MembershipResult {
        if configuration.inputDomains == nil, let columns = model.description.inputColumns {
            var configured = configuration
            configured.inputDomains = columns.map(\.domain)
            return try await MembershipProbe(configuration: configured).run(
                model: model, members: members, nonMembers: nonMembers, population: population)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let config = configuration
        let desc = model.description
        if desc.outputKind == .regression {
            return try await runRegression(
                model: model, members: members, nonMembers: nonMembers, population: population, started: started,
                clock: clock)
        }
        if desc.outputKind == .sequence {
            return try await runSequence(
                model: model, members: members, nonMembers: nonMembers, population: population, started: started,
                clock: clock)
        }
        guard desc.isClassifier else {
            throw MembershipProbeError.notAClassifier(model: desc.name)
        }
        guard members.count > 0, nonMembers.count > 0 else {
            throw MembershipProbeError.tooFewRecords(members: members.count, nonMembers: nonMembers.count)
        }
        for (name, data) in [("members", members), ("non-members", nonMembers)]
            + (population.map { [("population", $0)] } ?? [])
        {
            guard data.rowWidth == desc.featureCount else {
                throw MembershipProbeError.rowWidthMismatch(
                    data: name, width: data.rowWidth, model: desc.name, features: desc.featureCount,
                    inputShape: desc.inputShape)
            }
            if let bad = data.labels.first(where: { $0 < 0 || $0 >= desc.outputWidth }) {
                throw MembershipProbeError.labelOutOfRange(data: name, label: bad, classes: desc.outputWidth)
            }
        }
        let classCount = desc.outputWidth
        // Present every data set with the model's own row shape.
        func shaped(_ d: LabeledData) -> LabeledData {
            LabeledData(unchecked: Tensor(shape: [d.count] + desc.inputShape, scalars: d.scalars), labels: d.labels)
        }
        let records = try shaped(members).appending(shaped(nonMembers))
        let populationSet = population.map(shaped)
        let nM = members.count
        let counting = CountingModel(model, budget: config.queryBudget)
        let output = try await counting.predict(
            scalars: records.scalars, rows: records.count, rowShape: desc.inputShape,
            batchRows: config.queryBatchRows)
        let predicted = ModelQuery.labels(output)
        let logProbabilities = desc.outputKind == .labels ? nil : LogProbabilities(output)
        let correct = (0..<records.count).map { predicted[$0] == records.labels[$0] }
        let memberAccuracy = Double(correct[..<nM].filter { $0 }.count) / Double(nM)
        let nonMemberAccuracy = Double(correct[nM...].filter { $0 }.count) / Double(records.count - nM)

        var notes: [String] = []
        var attacks: [MembershipAttackResult] = []
        var skipped: [SkippedAttack] = []
        var shadowCount = 0
        var referenceCount = 0
        var references: LiRAReferenceSet?
        var zSet: LabeledData?
        var zNote = ""
        var targetZ: [Double]?
        var recipeCalibration: ReferenceRecipeCalibration.Outcome?
        let trainer = config.effectiveTrainer
        let root = SeededGenerator(seed: config.seed)
        let needsPool = config.attacks.contains {
            $0 == .shadowModel || ($0.usesReferenceModels && config.suppliedReferences == nil)
        }
        if needsPool && logProbabilities != nil && populationSet == nil {
            notes.append(
                "no population set was given: shadow and reference models were trained on random subsets "
                    + "(halves) of the \(records.count) member and non-member records themselves")
        }

        func record(_ attack: MembershipAttack, _ scores: [Double], since: ContinuousClock.Instant, _ n: [String]) {
            let metrics = MembershipMetrics(
                memberScores: Array(scores[..<nM]), nonMemberScores: Array(scores[nM...]),
                memberLabels: Array(records.labels[..<nM]), nonMemberLabels: Array(records.labels[nM...]))
            attacks.append(
                MembershipAttackResult(
                    attack: attack, memberScores: Array(scores[..<nM]), nonMemberScores: Array(scores[nM...]),
                    metrics: metrics, wallTimeSeconds: seconds(clock.now - since), notes: n))
        }

        let attackList = uniqued(config.attacks)
        for (index, attack) in attackList.enumerated() {
            try Cancellation.check()
            config.progress?(Double(index) / Double(max(attackList.count, 1)))
            let t0 = clock.now
            if attack.needsScores, logProbabilities == nil {
                skipped.append(
                    SkippedAttack(
                        attack: attack,
                        reason:
                            "\(desc.name) returns labels only (access level labels-only); the \(attack.displayName) "
                            + "attack needs class probabilities or logits"))
                continue
            }
            switch attack {
            case .confidence, .loss, .entropy, .modifiedEntropy:
                guard let lp = logProbabilities else { continue }
                let scores: [Double] =
                    switch attack {
                    case .confidence: ThresholdScores.confidence(lp, labels: records.labels)
                    case .loss: ThresholdScores.loss(lp, labels: records.labels)
                    case .entropy: ThresholdScores.entropy(lp)
                    default: ThresholdScores.modifiedEntropy(lp, labels: records.labels)
                    }
                record(attack, scores, since: t0, [])
            case .squaredError:
                skipped.append(
                    SkippedAttack(
                        attack: attack,
                        reason: "\(desc.name) is a classifier; the squared-error attack is for regressors"))
            case .leakiestStepLoss:
                skipped.append(
                    SkippedAttack(
                        attack: attack,
                        reason: "\(desc.name) answers once per record; the leakiest-step attack is for sequence "
                            + "models that answer at every step"))
            case .gap:
                record(attack, correct.map { $0 ? 1 : 0 }, since: t0, [])
            case .boundaryDistance:
                let radii = config.boundaryRadii.filter { $0 > 0 }
                let perDirection = records.count * radii.count
                var directions = max(config.boundaryDirections, 1)
                var n: [String] = []
                if let remaining = counting.remaining {
                    let affordable = perDirection > 0 ? remaining / perDirection : 0
                    if affordable < 1 || radii.isEmpty {
                        skipped.append(
                            SkippedAttack(
                                attack: attack,
                                reason: "the query budget leaves \(remaining) rows; one perturbation per radius and "
                                    + "record needs \(perDirection)"))
                        continue
                    }
                    if affordable < directions {
                        n.append(
                            "query budget: \(affordable) of \(directions) directions per radius and record "
                                + "were affordable"
                        )
                        directions = affordable
                    }
                }
                guard !radii.isEmpty else {
                    skipped.append(SkippedAttack(attack: attack, reason: "no positive perturbation radius configured"))
                    continue
                }
                var rng = root.derived(3)
                let scores = try await BoundaryDistanceAttack.scores(
                    model: counting, records: records, unperturbedLabels: predicted, radii: radii,
                    directions: directions, seed: rng.next(), batchRows: config.queryBatchRows)
                n.append(
                    "\(directions) random Gaussian directions at radii \(radii) × feature std per record "
                        + "(\(directions * perDirection) queries)")
                record(attack, scores, since: t0, n)
            case .shadowModel:
                guard let lp = logProbabilities else { continue }
                // Shadows train on as many records as the target did (Shokri et al.), so the pool needs twice
                // the member count; a smaller population is topped up with the member and non-member records.
                var pool = populationSet ?? records
                var shadowNotes: [String] = []
                if let populationSet, populationSet.count < 2 * nM {
                    pool = try populationSet.appending(records)
                    shadowNotes.append(
                        "the population set (\(populationSet.count) records) is smaller than twice the member count; "
                            + "the shadow models drew on population ∪ member ∪ non-member records")
                }
                if pool.count < ShadowModelAttack.minimumPool {
                    skipped.append(
                        SkippedAttack(
                            attack: attack,
                            reason: "only \(pool.count) records to train shadow models on; at least "
                                + "\(ShadowModelAttack.minimumPool) are needed"))
                    continue
                }
                var rng = root.derived(1)
                let outcome = try await ShadowModelAttack.run(
                    target: lp, targetLabels: records.labels, pool: pool, trainingSize: min(nM, pool.count / 2),
                    classCount: classCount,
                    configuration: config, trainer: trainer, seed: rng.next())
                shadowCount = outcome.shadowCount
                record(attack, outcome.scores, since: t0, outcome.notes + shadowNotes)
            case .liraOnline, .liraOffline, .rmiaOnline, .rmiaOffline:
                guard let lp = logProbabilities else { continue }
                let supplied = config.suppliedReferences
                let n = supplied?.models.count ?? config.referenceModelCount
                let minimum = attack.isRMIA ? 1 : 2
                guard n >= minimum else {
                    skipped.append(
                        SkippedAttack(
                            attack: attack,
                            reason: "\(attack.displayName) needs at least \(minimum) reference model"
                                + (minimum == 1 ? "" : "s") + " (configured: \(n))"))
                    continue
                }
                if references == nil {
                    // RMIA's population rows z: records no reference model trained on.
                    let zRecords: LabeledData
                    if let populationSet {
                        let toppedUp =
                            supplied == nil && 2 * nM > records.count
                            ? min(populationSet.count, 2 * nM - records.count) : 0
                        if toppedUp < populationSet.count {
                            zRecords = populationSet.subset(Array(toppedUp..<populationSet.count))
                            zNote =
                                "RMIA's population rows z: \(zRecords.count) population records no reference model "
                                + "trained on"
                        } else {
                            zRecords = populationSet
                            zNote =
                                "RMIA's population rows z: all \(populationSet.count) population records, which the "
                                + "reference models also drew on (the population is too small to keep some apart)"
                        }
                    } else {
                        zRecords = records
                        zNote =
                            "no population set was given: RMIA's population rows z are the \(records.count) member "
                            + "and non-member records themselves (without their membership)"
                    }
                    // The target answers on z before any reference model is trained: a refusing or exhausted
                    // model fails the probe at once, not after minutes of training.
                    if attackList.contains(where: \.isRMIA) {
                        targetZ = try await Self.trueClassProbability(
                            counting, on: zRecords, rowShape: desc.inputShape, classCount: classCount,
                            batchRows: config.queryBatchRows)
                    }
                    var rng = root.derived(2)
                    let built: LiRAReferenceSet
                    if let supplied {
                        built = try await LiRAReferenceSet.load(
                            supplied, target: desc, targetRecords: records, z: zRecords,
                            measure: LiRAReferenceSet.classifierMeasure(
                                classCount: classCount, batchRows: config.queryBatchRows))
                    } else {
                        var referenceTrainer = trainer
                        if config.trainer == nil, let recipe = config.referenceRecipe {
                            referenceTrainer = Self.trainer(config, recipe)
                            notes.append("reference recipe given by the user: \(recipe)")
                        } else if config.trainer == nil, !config.referenceRecipeCandidates.isEmpty {
                            var calibrationRng = root.derived(4)
                            let calibration = try await ReferenceRecipeCalibration.run(
                                candidates: config.referenceRecipeCandidates, trainer: config.engineTrainer,
                                pool: LiRAReferenceSet.pool(
                                    targetRecords: records, memberCount: nM, population: populationSet),
                                targetCount: records.count,
                                targetMemberLoss: ReferenceRecipeCalibration.meanLoss(
                                    lp, labels: records.labels, rows: 0..<nM),
                                targetNonMemberLoss: ReferenceRecipeCalibration.meanLoss(
                                    lp, labels: records.labels, rows: nM..<records.count),
                                classCount: classCount, seed: calibrationRng.next(),
                                batchRows: config.queryBatchRows)
                            referenceTrainer = Self.trainer(config, calibration.chosen.recipe)
                            recipeCalibration = calibration
                            notes.append(calibration.summary)
                        }
                        let fitter = referenceTrainer
                        built = try await LiRAReferenceSet.train(
                            targetRecords: records, memberCount: members.count, population: populationSet,
                            z: zRecords, modelCount: n, summary: fitter.summary, seed: rng.next(),
                            fit: { try await fitter.train($0, classCount: classCount, seed: $1) },
                            measure: LiRAReferenceSet.classifierMeasure(
                                classCount: classCount, batchRows: config.queryBatchRows))
                    }
                    references = built
                    zSet = zRecords
                    referenceCount = n
                    notes.append("reference models for LiRA and RMIA: \(built.origin)")
                }
                guard let refs = references, zSet != nil else { continue }
                let scored = Self.referenceScores(
                    attack, refs: refs, phi: lp.logitConfidence(labels: records.labels),
                    px: lp.trueClassProbability(labels: records.labels), pz: targetZ, zNote: zNote,
                    fixedVariance: config.liraFixedVariance ?? (n < 64),
                    // The user's references come from the target's own pipeline, and a given or matched recipe
                    // stands for it: Carlini's separate σ_in and σ_out. Other in-process ones may not share the
                    // target's recipe: one σ keeps the ratio monotone in φ.
                    sharedVariance: supplied == nil && config.referenceRecipe == nil
                        && !(recipeCalibration?.matched ?? false))
                switch scored {
                case .scored(let scores, let attackNotes): record(attack, scores, since: t0, attackNotes)
                case .skipped(let skip): skipped.append(skip)
                }
            }
        }
        return MembershipResult(
            modelName: desc.name, accessLevel: desc.outputKind == .labels ? .labelsOnly : .scores,
            outputKind: desc.outputKind, seed: config.seed, memberCount: nM, nonMemberCount: records.count - nM,
            populationCount: populationSet?.count ?? 0, attacks: attacks, skipped: skipped, notes: notes,
            queries: counting.count, wallTimeSeconds: seconds(clock.now - started), memberAccuracy: memberAccuracy,
            nonMemberAccuracy: nonMemberAccuracy, accuracyGap: memberAccuracy - nonMemberAccuracy,
            shadowModelCount: shadowCount, referenceModelCount: referenceCount, referenceOrigin: references?.origin,
            referenceRecipeMatch: recipeCalibration.map {
                ReferenceRecipeMatch(
                    recipe: $0.chosen.recipe, targetMemberLoss: $0.targetMemberLoss,
                    targetNonMemberLoss: $0.targetNonMemberLoss, referenceMemberLoss: $0.chosen.memberLoss,
                    referenceNonMemberLoss: $0.chosen.nonMemberLoss, matched: $0.matched)
            },
            trainerSummary: trainer.summary,
            metricDefinitions: MetricDefinitions.all + attacks.map { MetricDefinition($0.name, $0.attack.definition) })
    }

    /// What ``referenceScores(_:refs:phi:px:pz:zNote:fixedVariance:sharedVariance:)`` gives: scores with their
    /// notes, or the reason the attack was skipped.
    enum ReferenceScoring {
        case scored(scores: [Double], notes: [String])
        case skipped(SkippedAttack)
    }

    /// LiRA's or RMIA's scores from the reference set: φ (LiRA) and Pr(x|θ_target) (RMIA, with `pz` on the
    /// population rows z), or the reason the attack cannot run on these references.
    static func referenceScores(
        _ attack: MembershipAttack, refs: LiRAReferenceSet, phi: [Double], px: [Double], pz: [Double]?,
        zNote: String, fixedVariance fixed: Bool, sharedVariance shared: Bool
    ) -> ReferenceScoring {
        if attack.isRMIA {
            guard let pz else {
                return .skipped(
                    SkippedAttack(attack: attack, reason: "the target's answers on population rows z are missing"))
            }
            var attackNotes = [refs.origin, zNote]
            let scores: [Double]
            if attack == .rmiaOnline {
                scores = RMIAAttack.online(targetX: px, targetZ: pz, refs)
                attackNotes.append(
                    "online: Pr(x) = mean p_y over all \(refs.modelCount) reference models, γ = \(RMIAAttack.gamma)")
            } else {
                let calibration = RMIAAttack.calibrateA(refs)
                let a = calibration?.a ?? RMIAAttack.defaultA
                let outcome = RMIAAttack.offline(targetX: px, targetZ: pz, refs, a: a)
                scores = outcome.scores
                if let calibration {
                    let table = zip(RMIAAttack.aGrid, calibration.meanAUC)
                        .map { String(format: "%.1f: %.3f", $0, $1) }.joined(separator: ", ")
                    attackNotes.append(
                        "offline: a = \(a), calibrated with each of \(calibration.scoredModels) reference models "
                            + "in turn as the target (mean AUC by a: \(table)); γ = \(RMIAAttack.gamma)")
                } else {
                    attackNotes.append(
                        "offline: a = \(a) (the usual default): a cannot be calibrated on these "
                            + "\(refs.modelCount) reference models (no model has records both IN and OUT "
                            + "that another model left out); γ = \(RMIAAttack.gamma)")
                }
                if outcome.fallbacks > 0 {
                    attackNotes.append(
                        "\(outcome.fallbacks) records were in every reference model's training set: their "
                            + "Pr(x) uses all models")
                }
            }
            return .scored(scores: scores, notes: attackNotes)
        }
        guard refs.modelCount >= 2 else {
            return .skipped(
                SkippedAttack(
                    attack: attack, reason: "LiRA needs at least 2 reference models (\(refs.modelCount) supplied)"))
        }
        let stats = LiRAAttack.statistics(refs, fixedVariance: fixed, sharedVariance: shared)
        if attack == .liraOnline, stats.withoutIn == refs.isIn.first?.count {
            return .skipped(
                SkippedAttack(
                    attack: attack,
                    reason: "online LiRA needs reference models trained on the target records; none of the "
                        + "\(refs.modelCount) supplied models lists one"))
        }
        let scores =
            attack == .liraOnline ? LiRAAttack.online(target: phi, stats) : LiRAAttack.offline(target: phi, stats)
        var attackNotes = [
            refs.origin,
            (attack == .liraOnline
                ? "online: IN and OUT Gaussians per record"
                : "offline: OUT Gaussian per record from the models that did not train on it")
                + (fixed
                    ? (shared
                        ? ", fixed variance (one σ pooled over IN and OUT)"
                        : ", fixed variance (σ_in and σ_out each pooled over the records)")
                    : ", per-record variance"),
        ]
        if stats.withoutIn > 0 || stats.withoutOut > 0 {
            attackNotes.append(
                "\(stats.withoutIn) records no reference model trained on and \(stats.withoutOut) records every "
                    + "model trained on: their missing mean is the other mean shifted by the average IN − OUT "
                    + "difference")
        }
        return .scored(scores: scores, notes: attackNotes)
    }

    /// The target's p_y on `data` (RMIA's population rows z).
    static func trueClassProbability(
        _ model: any ModelAccess, on data: LabeledData, rowShape: [Int], classCount: Int, batchRows: Int
    ) async throws -> [Double] {
        let out = try await model.predict(
            scalars: data.scalars, rows: data.count, rowShape: rowShape, batchRows: batchRows)
        guard let lp = LogProbabilities(out), lp.width == classCount else {
            throw MembershipProbeError.shortAnswer(
                model: model.description.name, expected: "\(classCount) class scores on the population rows")
        }
        return lp.trueClassProbability(labels: data.labels)
    }

    /// The default trainer with `recipe`'s epochs, weight decay, learning rate and batch.
    static func trainer(_ config: MembershipProbeConfiguration, _ recipe: ReferenceRecipe) -> EngineNetworkTrainer {
        config.engineTrainer(recipe)
    }

    func uniqued(_ attacks: [MembershipAttack]) -> [MembershipAttack] {
        var seen = Set<MembershipAttack>()
        return attacks.filter { seen.insert($0).inserted }
    }

    func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
