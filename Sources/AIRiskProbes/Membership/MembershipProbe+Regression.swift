import AIRiskAccess
import AIRiskTensor

extension MembershipProbe {
    /// Membership inference against a regressor: the loss attack on the squared error (members were fitted, so
    /// their residuals are smaller). With k outputs a record's error is the mean of its k squared errors. The
    /// attacks that read class scores or labels are skipped with the reason.
    func runRegression(
        model: any ModelAccess, members: LabeledData, nonMembers: LabeledData, started: ContinuousClock.Instant,
        clock: ContinuousClock
    ) async throws -> MembershipResult {
        let config = configuration
        let desc = model.description
        guard members.count > 0, nonMembers.count > 0 else {
            throw MembershipProbeError.badInput(
                "needs at least one member and one non-member (got \(members.count) and \(nonMembers.count))")
        }
        let k = max(desc.outputWidth, 1)
        for (name, data) in [("members", members), ("non-members", nonMembers)] {
            guard data.rowWidth == desc.featureCount else {
                throw MembershipProbeError.badInput(
                    "\(name) rows have \(data.rowWidth) values but \(desc.name) takes \(desc.featureCount) "
                        + "(input shape \(desc.inputShape))")
            }
            guard let targets = data.targets, targets.count == data.count * k else {
                throw MembershipProbeError.badInput(
                    "\(desc.name) is a regressor with \(k) output(s), but the \(name) carry "
                        + (data.targets.map { "\($0.count) regression targets for \(data.count) rows" }
                            ?? "class labels, not regression targets")
                        + "; give float targets, \(k) per row")
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
        let output = try await ModelQuery.predict(
            counting, scalars: records.scalars, rows: records.count, rowShape: desc.inputShape,
            batchRows: config.queryBatchRows)
        guard output.width == k, output.scores.count == records.count * k else {
            throw MembershipProbeError.badInput(
                "\(desc.name) returned \(output.width) value(s) per row; its description promises \(k) regression "
                    + "output(s)")
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
        let skipped = config.attacks.filter { $0 != .squaredError }.map {
            SkippedAttack(
                attack: $0,
                reason: "\(desc.name) is a regressor; the \($0.displayName) attack reads class scores or labels "
                    + "(the squared-error attack is the regressor's loss attack)")
        }
        let mean = { (slice: ArraySlice<Double>) in slice.isEmpty ? 0 : slice.reduce(0, +) / Double(slice.count) }
        return MembershipResult(
            modelName: desc.name, accessLevel: .scores, outputKind: desc.outputKind, seed: config.seed,
            memberCount: nM, nonMemberCount: records.count - nM, populationCount: 0, attacks: [attack],
            skipped: skipped,
            notes: ["\(desc.name) is a regressor with \(k) output(s): membership is inferred from its squared error"],
            queries: counting.count, wallTimeSeconds: seconds(clock.now - started), memberAccuracy: 0,
            nonMemberAccuracy: 0, accuracyGap: 0,
            regressionError: RegressionError(
                outputCount: k, memberMSE: mean(errors[..<nM]), nonMemberMSE: mean(errors[nM...])),
            shadowModelCount: 0, referenceModelCount: 0, referenceOrigin: nil, referenceRecipeMatch: nil,
            trainerSummary: "none (no in-process models for a regressor)",
            metricDefinitions: MetricDefinitions.all + [MetricDefinition(attack.name, attack.attack.definition)])
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
