import AIRiskAccess
import AIRiskTensor

extension MembershipProbe {
    /// Membership inference against a regressor: the loss attack on the squared error (members were fitted, so
    /// their residuals are smaller; with k outputs a record's error is the mean of its k squared errors), and LiRA
    /// and RMIA on the residuals against reference regressors (``regressionSignals(predictions:targets:outputs:floor:scale:)``).
    /// The attacks that read class scores or labels are skipped with the reason.
    func runRegression(
        model: any ModelAccess, members: LabeledData, nonMembers: LabeledData, population: LabeledData?,
        started: ContinuousClock.Instant, clock: ContinuousClock
    ) async throws -> MembershipResult {
        let config = configuration
        let desc = model.description
        guard members.count > 0, nonMembers.count > 0 else {
            throw MembershipProbeError.tooFewRecords(members: members.count, nonMembers: nonMembers.count)
        }
        let k = max(desc.outputWidth, 1)
        for (name, data) in [("members", members), ("non-members", nonMembers)] {
            guard data.rowWidth == desc.featureCount else {
                throw MembershipProbeError.rowWidthMismatch(
                    data: name, width: data.rowWidth, model: desc.name, features: desc.featureCount,
                    inputShape: desc.inputShape)
            }
            guard let targets = data.targets, targets.count == data.count * k else {
                throw MembershipProbeError.targetMismatch(
                    data: name, model: desc.name, outputs: k, targets: data.targets?.count, rows: data.count)
            }
        }
        func shaped(_ d: LabeledData) -> LabeledData {
            LabeledData(
                unchecked: Tensor(shape: [d.count] + desc.inputShape, scalars: d.scalars), labels: [],
                targets: d.targets)
        }
        let records = try shaped(members).appending(shaped(nonMembers))
        let nM = members.count
        let counting = CountingModel(model, budget: config.queryBudget)
        let t0 = clock.now
        let output = try await counting.predict(
            scalars: records.scalars, rows: records.count, rowShape: desc.inputShape,
            batchRows: config.queryBatchRows)
        guard output.width == k, output.scores.count == records.count * k else {
            throw MembershipProbeError.shortAnswer(
                model: desc.name,
                expected: "the \(k) regression output(s) per row its description promises (got \(output.width))")
        }
        let targets = records.targets ?? []
        let errors = Self.squaredErrors(predictions: output.scores, targets: targets, outputs: k)
        let scores = errors.map { -$0 }
        let metrics = MembershipMetrics(
            memberScores: Array(scores[..<nM]), nonMemberScores: Array(scores[nM...]), memberLabels: [],
            nonMemberLabels: [])
        let attack = MembershipAttackResult(
            attack: .squaredError, memberScores: Array(scores[..<nM]), nonMemberScores: Array(scores[nM...]),
            metrics: metrics, wallTimeSeconds: seconds(clock.now - t0),
            notes: ["score = −mean squared error over \(k) output(s) of the target's answer on each record"])
        var attacks = [attack]
        var notes = ["\(desc.name) is a regressor with \(k) output(s): membership is inferred from its residuals"]
        var skipped = config.attacks.filter { $0 != .squaredError && !$0.usesReferenceModels }.map {
            SkippedAttack(
                attack: $0,
                reason: "\(desc.name) is a regressor; the \($0.displayName) attack reads class scores or labels "
                    + "(the squared-error attack is the regressor's loss attack)")
        }
        var references: LiRAReferenceSet?
        var queries = counting.count
        let referenceAttacks = uniqued(config.attacks.filter(\.usesReferenceModels))
        if !referenceAttacks.isEmpty {
            let n = config.suppliedReferences?.models.count ?? config.referenceModelCount
            if n < 1 {
                skipped += referenceAttacks.map {
                    SkippedAttack(attack: $0, reason: "\($0.displayName) needs reference models (configured: 0)")
                }
            } else {
                let outcome = try await regressionReferences(
                    model: counting, records: records, memberCount: nM, outputs: k, targetAnswers: output.scores,
                    population: population.map(shaped))
                references = outcome.references
                queries = counting.count
                notes += outcome.notes
                for a in referenceAttacks {
                    let t2 = clock.now
                    let scored = Self.referenceScores(
                        a, refs: outcome.references, phi: outcome.targetPhi, px: outcome.targetLikelihood,
                        pz: outcome.targetPopulationLikelihood, zNote: outcome.zNote,
                        fixedVariance: config.liraFixedVariance ?? (n < 64),
                        sharedVariance: config.suppliedReferences == nil && config.referenceRecipe == nil)
                    switch scored {
                    case .scored(let scores, let attackNotes):
                        attacks.append(
                            MembershipAttackResult(
                                attack: a, memberScores: Array(scores[..<nM]), nonMemberScores: Array(scores[nM...]),
                                metrics: MembershipMetrics(
                                    memberScores: Array(scores[..<nM]), nonMemberScores: Array(scores[nM...]),
                                    memberLabels: [], nonMemberLabels: []),
                                wallTimeSeconds: seconds(clock.now - t2),
                                notes: attackNotes + [outcome.signalNote]))
                    case .skipped(let skip): skipped.append(skip)
                    }
                }
            }
        }
        let mean = { (slice: ArraySlice<Double>) in slice.isEmpty ? 0 : slice.reduce(0, +) / Double(slice.count) }
        return MembershipResult(
            modelName: desc.name, accessLevel: .scores, outputKind: desc.outputKind, seed: config.seed,
            memberCount: nM, nonMemberCount: records.count - nM, populationCount: population?.count ?? 0,
            attacks: attacks, skipped: skipped, notes: notes, queries: queries,
            wallTimeSeconds: seconds(clock.now - started), memberAccuracy: 0,
            nonMemberAccuracy: 0, accuracyGap: 0,
            regressionError: RegressionError(
                outputCount: k, memberMSE: mean(errors[..<nM]), nonMemberMSE: mean(errors[nM...])),
            shadowModelCount: 0, referenceModelCount: references?.modelCount ?? 0, referenceOrigin: references?.origin,
            referenceRecipeMatch: nil,
            trainerSummary: references == nil || config.suppliedReferences != nil
                ? "none (no in-process models)"
                : regressionTrainer.regressorSummary,
            metricDefinitions: MetricDefinitions.all
                + attacks.map { MetricDefinition($0.name, $0.attack.regressionDefinition) })
    }

    /// Each row's squared error averaged over its `outputs` values, in Double.
    static func squaredErrors(predictions: [Float], targets: [Float], outputs k: Int) -> [Double] {
        let rows = k > 0 ? predictions.count / k : 0
        return (0..<rows).map { r in
            var s = 0.0
            for j in 0..<k {
                let d = Double(predictions[r * k + j]) - Double(targets[r * k + j])
                s += d * d
            }
            return s / Double(k)
        }
    }
}
