import AIRiskAccess
import AIRiskTensor

extension MembershipProbe {
    /// Membership inference against a many-to-many sequence model, which answers class scores at every step.
    /// Every configured attack runs on the final step, the model's answer, presented as a classifier
    /// (``SequenceStepModel``; the user's reference models likewise). Then the loss attack is measured at every
    /// step, and the leakiest-step attack scores each half of the records at the step whose loss attack was
    /// strongest on the other half: an earlier step can leak more than the last (seed 004 finds it for extraction),
    /// and choosing it on the records it scores would overstate it.
    func runSequence(
        model: any ModelAccess, members: LabeledData, nonMembers: LabeledData, population: LabeledData?,
        started: ContinuousClock.Instant, clock: ContinuousClock
    ) async throws -> MembershipResult {
        let config = configuration
        let desc = model.description
        let classes = desc.outputWidth
        guard let steps = desc.sequenceLength, steps > 0, classes > 1 else {
            throw MembershipProbeError.notASequenceClassifier(
                model: desc.name, steps: desc.sequenceLength ?? 0, classes: classes)
        }
        let finalStep = steps - 1
        var inner = config
        inner.attacks = config.attacks.filter { $0 != .leakiestStepLoss }
        if let supplied = config.suppliedReferences {
            inner.suppliedReferences = ReferenceModelSet(
                origin: supplied.origin,
                models: supplied.models.map { reference in
                    let d = reference.model.description
                    guard d.outputKind == .sequence, let n = d.sequenceLength, n == steps else { return reference }
                    var stepped = reference
                    stepped.model = SequenceStepModel(
                        base: reference.model, step: finalStep, steps: steps, classes: d.outputWidth)
                    return stepped
                })
        }
        let view = SequenceStepModel(base: model, step: finalStep, steps: steps, classes: classes)
        var result = try await MembershipProbe(configuration: inner).run(
            model: view, members: members, nonMembers: nonMembers, population: population)

        let runsStepAttack = config.attacks.contains(.leakiestStepLoss) || config.attacks.contains(.loss)
        let t0 = clock.now
        let records = try LabeledData(
            unchecked: Tensor(shape: [members.count] + desc.inputShape, scalars: members.scalars),
            labels: members.labels
        ).appending(
            LabeledData(
                unchecked: Tensor(shape: [nonMembers.count] + desc.inputShape, scalars: nonMembers.scalars),
                labels: nonMembers.labels))
        let nM = members.count
        let counting = CountingModel(model, budget: config.queryBudget.map { max($0 - result.queries.rows, 0) })
        let output = try await counting.predict(
            scalars: records.scalars, rows: records.count, rowShape: desc.inputShape,
            batchRows: config.queryBatchRows)
        var stepScores: [[Double]] = []
        var memberAccuracy: [Double] = []
        var nonMemberAccuracy: [Double] = []
        for step in 0..<steps {
            let answer = try SequenceStepModel.slice(output, step: step, steps: steps, classes: classes, model: model)
            guard let lp = LogProbabilities(answer) else {
                throw MembershipProbeError.shortAnswer(model: desc.name, expected: "class scores at step \(step)")
            }
            stepScores.append(ThresholdScores.loss(lp, labels: records.labels))
            let correct = (0..<records.count).map { answer.labels[$0] == records.labels[$0] ? 1.0 : 0.0 }
            memberAccuracy.append(correct[..<nM].reduce(0, +) / Double(nM))
            nonMemberAccuracy.append(correct[nM...].reduce(0, +) / Double(records.count - nM))
        }
        func auc(_ scores: [Double], rows: [Int]) -> Double {
            let positives = rows.filter { $0 < nM }.map { scores[$0] }
            let negatives = rows.filter { $0 >= nM }.map { scores[$0] }
            return ROCCurve(positiveScores: positives, negativeScores: negatives).auc
        }
        let all = Array(0..<records.count)
        let perStepAUC = stepScores.map { auc($0, rows: all) }

        // Two halves, each holding half the members and half the non-members, drawn from the seed.
        var rng = SeededGenerator(seed: config.seed).derived(5)
        let memberOrder = Array(0..<nM).shuffled(using: &rng)
        let nonMemberOrder = Array(nM..<records.count).shuffled(using: &rng)
        let halves = [
            Array(memberOrder[..<(nM / 2)]) + Array(nonMemberOrder[..<(nonMemberOrder.count / 2)]),
            Array(memberOrder[(nM / 2)...]) + Array(nonMemberOrder[(nonMemberOrder.count / 2)...]),
        ]
        // The strongest step on a half; the later step on a tie (the final step is the model's answer).
        let chosen = halves.map { half -> Int in
            let aucs = stepScores.map { auc($0, rows: half) }
            return aucs.indices.max { aucs[$0] < aucs[$1] || (aucs[$0] == aucs[$1] && $0 < $1) } ?? finalStep
        }
        if runsStepAttack {
            var scores = [Double](repeating: 0, count: records.count)
            for i in halves[1] { scores[i] = stepScores[chosen[0]][i] }
            for i in halves[0] { scores[i] = stepScores[chosen[1]][i] }
            let metrics = MembershipMetrics(
                memberScores: Array(scores[..<nM]), nonMemberScores: Array(scores[nM...]),
                memberLabels: Array(records.labels[..<nM]), nonMemberLabels: Array(records.labels[nM...]))
            result.attacks.append(
                MembershipAttackResult(
                    attack: .leakiestStepLoss, memberScores: Array(scores[..<nM]),
                    nonMemberScores: Array(scores[nM...]), metrics: metrics,
                    wallTimeSeconds: seconds(clock.now - t0),
                    notes: [
                        "steps chosen by the loss attack's AUC on each half of the records: step \(chosen[0]) on the "
                            + "first half (it scores the second), step \(chosen[1]) on the second (it scores the first)"
                    ]))
            result.metricDefinitions.append(
                MetricDefinition(
                    MembershipAttack.leakiestStepLoss.displayName, MembershipAttack.leakiestStepLoss.definition))
        }
        var queries = result.queries
        queries.calls += counting.count.calls
        queries.rows += counting.count.rows
        result.queries = queries
        result.modelName = desc.name
        result.outputKind = .sequence
        result.wallTimeSeconds = seconds(clock.now - started)
        let best = perStepAUC.indices.max { perStepAUC[$0] < perStepAUC[$1] } ?? finalStep
        result.notes.insert(
            "\(desc.name) answers class scores at each of \(steps) steps: the attacks read the final step (step "
                + "\(finalStep)), the leakiest-step attack the step chosen on the other half of the records (step "
                + "\(chosen[0]) chosen on the first half scores the second, step \(chosen[1]) the first); the "
                + "loss attack's AUC is highest at step \(best) over all records ("
                + String(format: "%.3f", perStepAUC[best]) + ", final step "
                + String(format: "%.3f", perStepAUC[finalStep]) + ")",
            at: 0)
        result.sequence = SequenceMembership(
            steps: steps, classes: classes, attackedStep: finalStep, perStepLossAUC: perStepAUC,
            memberAccuracy: memberAccuracy, nonMemberAccuracy: nonMemberAccuracy, chosenSteps: chosen)
        return result
    }
}
