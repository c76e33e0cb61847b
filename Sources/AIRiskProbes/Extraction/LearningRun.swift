import AIRiskAccess
import AIRiskTensor

/// Learning-based extraction for one query source: grows the answer set along the budget schedule and trains a
/// copy for every surrogate architecture and loss at every budget, each on the first b answers.
struct LearningRun {
    let source: QuerySource
    let sourceIndex: Int
    let budgets: [Int]
    let surrogates: [SurrogateKind]
    let losses: [DistillationLoss]
    let queryGenerator: QueryGenerator
    let trainer: any SurrogateTrainer
    let seed: UInt64
    let isRegression: Bool
    let scoreKind: DistillationSet.ScoreKind

    func run(
        target: any ModelAccess, budget: CountingModel, evaluation: EvaluationSet, featureCount d: Int,
        inputShape: [Int], generator: SeededGenerator
    ) async throws -> (curves: [ExtractionCurve], notes: [String]) {
        var g = generator
        var notes: [String] = []
        let width = isRegression ? max(1, target.description.outputWidth) : max(2, target.description.outputWidth)
        var set = DistillationSet(
            inputs: [], rows: 0, featureCount: d, outputWidth: width, isRegression: isRegression, targetScores: [],
            scoreKind: scoreKind, targetLabels: [], trueLabels: [], trueTargets: [],
            sequenceSteps: inputShape.count >= 2 ? inputShape[0] : nil,
            domains: target.description.inputColumns?.map(\.domain))
        var points = [[ExtractionPoint]](repeating: [], count: surrogates.count * losses.count)
        var guide: (any Surrogate)?
        for (bi, b) in budgets.enumerated() {
            try Cancellation.check()
            let want = min(b, queryGenerator.capacity ?? b)
            let need = want - set.rows
            if need > 0 {
                let remaining = budget.remaining ?? .max
                guard remaining >= need else {
                    notes.append("\(source): stopped before budget \(b), the query budget has \(remaining) rows left")
                    break
                }
                let q = try queryGenerator.next(need, existing: set, surrogate: guide, round: bi, generator: &g)
                let answers = try await TargetAnswers.ask(target, inputs: q.rows, count: need, inputShape: inputShape)
                set.append(
                    inputs: q.rows, scores: classScores(answers, width: width), labels: answers.labels,
                    trueLabels: q.labels, trueTargets: q.targets)
            } else if bi > 0 {
                notes.append("\(source): all \(set.rows) public rows used; budgets from \(b) on not reached")
                break
            }
            for (ki, kind) in surrogates.enumerated() {
                for (li, loss) in losses.enumerated() {
                    var seeds = SeededGenerator(seed: seed).derived(((sourceIndex * 31 + ki) * 31 + li) * 1009 + bi)
                    let trainingSeed = seeds.next()
                    let copy = try trainer.train(set, kind: kind, loss: loss, seed: trainingSeed)
                    points[ki * losses.count + li].append(
                        try evaluate(copy, budget: b, queries: set.rows, on: evaluation))
                    if ki == 0 && li == 0 { guide = copy }
                }
            }
        }
        var curves: [ExtractionCurve] = []
        for (ki, kind) in surrogates.enumerated() {
            for (li, loss) in losses.enumerated() {
                curves.append(
                    ExtractionCurve(source: source, surrogate: kind, loss: loss, points: points[ki * losses.count + li])
                )
            }
        }
        return (curves, notes)
    }

    /// Scores in the layout the trainer expects: binary single-probability answers become [1 − p, p].
    private func classScores(_ answers: TargetAnswers, width: Int) -> [Float] {
        guard scoreKind != .none else { return [] }
        if !isRegression && answers.width == 1 {
            return answers.scores.flatMap { p in scoreKind == .probabilities ? [1 - p, p] : [0, p] }
        }
        return answers.scores
    }

    private func evaluate(_ copy: any Surrogate, budget: Int, queries: Int, on evaluation: EvaluationSet)
        throws -> ExtractionPoint
    {
        let n = evaluation.rows
        let out = try copy.predict(evaluation.inputs, rows: n)
        let w = copy.outputWidth
        if isRegression {
            let first = (0..<n).map { out[$0 * w] }
            let fit = RegressionFit.measure(
                predicted: first, target: evaluation.targetFirstOutput, truth: evaluation.trueTargets)
            return ExtractionPoint(
                budget: budget, queries: queries, fidelity: fit.fidelityR2, accuracy: nil, regression: fit)
        }
        let labels = (0..<n).map { argmax(out[($0 * w)..<(($0 + 1) * w)]) }
        return ExtractionPoint(
            budget: budget, queries: queries, fidelity: evaluation.fidelity(labels),
            accuracy: evaluation.accuracy(labels), regression: nil)
    }
}
