import AIRiskAccess
import AIRiskTensor
import Foundation

/// The model-extraction probe: how many queries does a copy of the target cost, and how faithful is it?
///
/// It tries equation solving first (Tramèr et al. 2016), which recovers logistic, softmax and linear models
/// exactly from d + 1 answers, then trains copies from answers to growing query budgets for each query source,
/// surrogate architecture and loss (Copycat CNN, Knockoff Nets, Papernot et al. 2017, seed 004). The target is
/// only reached through ``ModelAccess`` wrapped in a ``CountingModel`` whose budget is never exceeded.
package struct ExtractionProbe: Sendable {
    package var configuration: ExtractionConfiguration
    /// Trains the copies; ``EngineSurrogateTrainer`` unless another is supplied.
    package var trainer: any SurrogateTrainer

    package init(
        configuration: ExtractionConfiguration = ExtractionConfiguration(), trainer: (any SurrogateTrainer)? = nil
    ) {
        self.configuration = configuration
        self.trainer = trainer ?? configuration.trainer
    }

    /// Runs the probe. `publicData` is data the attacker is assumed to hold (query source, statistics);
    /// `evaluationData` is the auditor's held-out data every copy is scored on.
    package func run(model: any ModelAccess, publicData: LabeledData?, evaluationData: LabeledData) async throws
        -> ExtractionResult
    {
        let start = ContinuousClock.now
        let config = configuration
        let desc = model.description
        let d = desc.featureCount
        let budgets = try validatedBudgets()
        let evalX = try Self.rows(of: evaluationData, name: "evaluation data", featureCount: d)
        let publicX = try publicData.map { try Self.rows(of: $0, name: "public data", featureCount: d) }
        var notes: [String] = []

        let statsRows = publicX ?? evalX
        let statsCount = publicData?.count ?? evaluationData.count
        let statistics = FeatureStatistics(rows: statsRows, rowCount: statsCount, featureCount: d)
        let statisticsSource = publicData != nil ? "public data" : "evaluation data"
        if publicData == nil {
            notes.append(
                "no public data: feature ranges and Gaussian centres come from the evaluation data, and the "
                    + "public-data source is skipped")
        }

        // Seeded public order shared by the public-data source and adaptive seeds.
        let root = SeededGenerator(seed: config.seed)
        var shuffleGenerator = root.derived(1)
        let publicOrder = publicData.map { Array(0..<$0.count).shuffled(using: &shuffleGenerator) } ?? []
        let orderedPublic = publicX.map { x in publicOrder.flatMap { x[($0 * d)..<(($0 + 1) * d)] } }
        let orderedLabels = publicData.flatMap { p in
            p.labels.count == p.count ? publicOrder.map { p.labels[$0] } : nil
        }
        let orderedTargets = publicData.flatMap { p in
            p.targets.flatMap { t in t.count == p.count ? publicOrder.map { t[$0] } : nil }
        }

        // Losses that fit the target's outputs; without losses or surrogates there is nothing to learn.
        let isRegression = desc.outputKind == .regression
        var losses =
            isRegression
            ? config.regressionLosses.filter(\.isRegression) : config.classificationLosses.filter { !$0.isRegression }
        if desc.outputKind == .labels {
            let dropped = losses.filter(\.needsScores)
            if !dropped.isEmpty {
                notes.append(
                    "labels-only target: \(dropped.map(\.description).joined(separator: ", ")) skipped (no scores)")
            }
            losses = losses.filter { !$0.needsScores }
        }
        // Sequence models get their own surrogate list; recurrent surrogates need a time axis in the input.
        var surrogates = desc.outputKind == .sequence ? config.sequenceSurrogates : config.surrogates
        if desc.inputShape.count < 2, surrogates.contains(where: \.isRecurrent) {
            notes.append(
                "recurrent surrogates skipped: the input shape \(desc.inputShape) has no time axis to read")
            surrogates = surrogates.filter { !$0.isRecurrent }
        }
        let sources =
            losses.isEmpty || surrogates.isEmpty
            ? [] : config.sources.filter { publicData != nil || $0 != .publicData }
        let maxBudget = budgets.last ?? 0
        let isSequence = desc.outputKind == .sequence
        let probeRows = isSequence ? min(config.sequenceProbeRows, publicData?.count ?? evaluationData.count) : 0
        // For sequence models the solver runs on the chosen step, whose answers are class probabilities.
        let equationForm: EquationSolvingResult.Form? =
            !config.equationSolving
            ? nil : isSequence ? (desc.outputWidth <= 2 ? .logistic : .softmax) : EquationSolver.form(for: desc)
        let equationRows = equationForm != nil ? d + 1 + max(1, config.verificationQueries) : 0
        let learningRows = sources.reduce(0) { sum, s in
            sum + (s == .publicData ? min(maxBudget, publicData?.count ?? 0) : maxBudget)
        }
        let queryBudget = config.totalQueryBudget ?? (probeRows + equationRows + learningRows)
        let attack = CountingModel(model, budget: queryBudget)
        let evaluator = CountingModel(model)
        var target: any ModelAccess = attack
        var evaluationTarget: any ModelAccess = evaluator

        // Sequence models: find the step that leaks most and distil from it.
        var sequence: SequenceLeakage?
        if isSequence {
            let affordable = min(probeRows, attack.remaining ?? probeRows)
            guard affordable > 0 else {
                throw ExtractionError.badSetting(
                    setting: "query budget", value: "\(attack.remaining ?? probeRows) rows left",
                    requirement: "a sequence model needs labelled probe rows to find its leakiest step")
            }
            let leakage = try await findLeakiestStep(
                attack: attack, publicData: publicData, evaluationData: evaluationData, publicX: publicX, evalX: evalX,
                rows: affordable, generator: root.derived(2))
            sequence = leakage
            let steps = desc.sequenceLength ?? max(1, leakage.perStepAccuracy.count)
            target = SequenceStepModel(base: attack, step: leakage.chosenStep, steps: steps, classes: desc.outputWidth)
            evaluationTarget = SequenceStepModel(
                base: evaluator, step: leakage.chosenStep, steps: steps, classes: desc.outputWidth)
            notes.append(
                "sequence model: copies are distilled from step \(leakage.chosenStep) (recurrent surrogates read the "
                    + "input's first axis as time, MLPs the flattened sequence); fidelity is agreement with that "
                    + "step's labels")
        }
        let targetDesc = target.description

        let evalAnswers = try await TargetAnswers.ask(
            evaluationTarget, inputs: evalX, count: evaluationData.count, inputShape: desc.inputShape)
        let evaluation = EvaluationSet(
            inputs: evalX, rows: evaluationData.count, answers: evalAnswers,
            trueLabels: evaluationData.labels.count == evaluationData.count ? evaluationData.labels : nil,
            trueTargets: evaluationData.targets.flatMap { $0.count == evaluationData.count ? $0 : nil })

        // Equation solving.
        var equation: EquationSolvingResult?
        if let form = equationForm {
            if (attack.remaining ?? .max) >= equationRows {
                var g = root.derived(3)
                let solver = EquationSolver(configuration: config, description: targetDesc, statistics: statistics)
                equation = try await solver.run(model: target, form: form, generator: &g, evaluation: evaluation)
            } else {
                notes.append("equation solving skipped: it needs \(equationRows) rows of the remaining budget")
            }
        } else if config.equationSolving {
            notes.append("equation solving does not apply to \(desc.outputKind.rawValue) outputs")
        }

        // Learning-based extraction.
        var curves: [ExtractionCurve] = []
        for (si, source) in sources.enumerated() {
            try Cancellation.check()
            config.progress?(Double(si) / Double(max(sources.count, 1)))
            let generator = QueryGenerator(
                source: source, statistics: statistics, publicRows: orderedPublic, publicLabels: orderedLabels,
                publicTargets: orderedTargets, publicCount: publicData?.count ?? 0,
                domains: desc.inputColumns?.map(\.domain))
            let run = LearningRun(
                source: source, sourceIndex: si, budgets: budgets, surrogates: surrogates, losses: losses,
                queryGenerator: generator, trainer: trainer, seed: config.seed,
                isRegression: isRegression, scoreKind: Self.scoreKind(targetDesc.outputKind))
            let (sourceCurves, sourceNotes) = try await run.run(
                target: target, budget: attack, evaluation: evaluation, featureCount: d, inputShape: desc.inputShape,
                generator: root.derived(100 + si))
            curves += sourceCurves
            notes += sourceNotes
        }

        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let used = attack.count
        return ExtractionResult(
            modelName: desc.name, access: desc.outputKind == .labels ? .labelsOnly : .scores,
            outputKind: desc.outputKind, seed: config.seed,
            queryBudget: queryBudget, queriesUsed: used.rows + used.gradientRows,
            evaluationQueries: evaluator.count.rows, evaluationRows: evaluationData.count, wallTimeSeconds: seconds,
            statisticsSource: statisticsSource, equationSolving: equation, sequence: sequence, curves: curves,
            thresholds: config.fidelityThresholds, notes: notes,
            majorityAgreement: Self.majorityAgreement(evaluation.answers.labels, isRegression: isRegression))
    }

    /// The share of rows carrying the most common of `labels` (nil for regressors or no rows).
    static func majorityAgreement(_ labels: [Int], isRegression: Bool) -> Double? {
        guard !isRegression, !labels.isEmpty else { return nil }
        var counts: [Int: Int] = [:]
        for l in labels { counts[l, default: 0] += 1 }
        return Double(counts.values.max() ?? 0) / Double(labels.count)
    }

    /// Checks the settings a user can get wrong and returns the budgets in ascending order.
    private func validatedBudgets() throws -> [Int] {
        let c = configuration
        guard !c.budgets.isEmpty, c.budgets.allSatisfy({ $0 > 0 }) else {
            throw ExtractionError.badSetting(
                setting: "budgets", value: "\(c.budgets)", requirement: "a non-empty list of positive row counts")
        }
        for kind in c.surrogates + c.sequenceSurrogates where kind.hiddenSizes.contains(where: { $0 <= 0 }) {
            throw ExtractionError.badSetting(
                setting: "surrogate", value: "\(kind)", requirement: "every hidden layer needs at least one unit")
        }
        for loss in c.classificationLosses + c.regressionLosses {
            switch loss {
            case .soft(let t) where !(t > 0), .combined(_, let t) where !(t > 0):
                throw ExtractionError.badSetting(
                    setting: "loss", value: "\(loss)", requirement: "the temperature must be positive")
            case .combined(let mu, _) where !(mu >= 0 && mu <= 1):
                throw ExtractionError.badSetting(setting: "loss", value: "\(loss)", requirement: "μ must lie in [0, 1]")
            case .marginSquared(let m) where !m.isFinite, .margin(let m) where !m.isFinite:
                throw ExtractionError.badSetting(
                    setting: "loss", value: "\(loss)", requirement: "the margin m must be finite")
            default: break
            }
        }
        for source in c.sources {
            switch source {
            case .gaussian(let s) where !(s > 0), .jacobian(let s) where !(s > 0):
                throw ExtractionError.badSetting(
                    setting: "query source", value: "\(source)", requirement: "the scale must be positive")
            case .uncertainty(let k) where k < 1:
                throw ExtractionError.badSetting(
                    setting: "query source", value: "\(source)", requirement: "the pool factor must be at least 1")
            default: break
            }
        }
        if let b = c.totalQueryBudget, b < 0 {
            throw ExtractionError.badSetting(
                setting: "total query budget", value: "\(b)", requirement: "it cannot be negative")
        }
        return Array(Set(c.budgets)).sorted()
    }

    private static func scoreKind(_ kind: OutputKind) -> DistillationSet.ScoreKind {
        switch kind {
        case .probabilities, .sequence: .probabilities
        case .logits, .regression: .logits
        case .labels: .none
        }
    }

    /// The float rows of a data set, checked against the model's feature count.
    static func rows(of data: LabeledData, name: String, featureCount d: Int) throws -> [Float] {
        guard data.count > 0 else { throw ExtractionError.unusableData(data: name, reason: "it has no rows") }
        guard let values = data.features.floats else {
            throw ExtractionError.unusableData(
                data: name, reason: "features are \(data.features.elementTypeName), not float32")
        }
        guard values.count == data.count * d else {
            throw ExtractionError.dataShapeMismatch(
                data: name, expectedFeatures: d, found: Array(data.features.shape.dropFirst()))
        }
        return values
    }

    /// Per-step accuracy of a sequence model on labelled rows (seed 004 §3.2.1, step (1)).
    private func findLeakiestStep(
        attack: any ModelAccess, publicData: LabeledData?, evaluationData: LabeledData, publicX: [Float]?,
        evalX: [Float], rows: Int, generator: SeededGenerator
    ) async throws -> SequenceLeakage {
        let desc = attack.description
        let d = desc.featureCount
        let data = publicData ?? evaluationData
        let x = publicX ?? evalX
        guard data.labels.count == data.count else {
            throw ExtractionError.unusableData(
                data: publicData != nil ? "public data" : "evaluation data",
                reason: "finding the leakiest step of a sequence model needs one label per row")
        }
        var g = generator
        let order = Array(Array(0..<data.count).shuffled(using: &g).prefix(rows))
        let probe = order.flatMap { x[($0 * d)..<(($0 + 1) * d)] }
        let answers = try await TargetAnswers.ask(
            attack, inputs: probe, count: order.count, inputShape: desc.inputShape)
        let classes = desc.outputWidth
        let steps = desc.sequenceLength ?? (answers.width / max(classes, 1))
        guard classes > 0, steps > 0, answers.width == steps * classes else {
            throw ExtractionError.unexpectedOutput(
                model: desc.name, reason: "sequence answers of width \(answers.width) for \(classes) classes")
        }
        var accuracy = [Double](repeating: 0, count: steps)
        for s in 0..<steps {
            var hits = 0
            for (k, r) in order.enumerated() {
                let base = k * answers.width + s * classes
                if argmax(answers.scores[base..<(base + classes)]) == data.labels[r] { hits += 1 }
            }
            accuracy[s] = Double(hits) / Double(max(order.count, 1))
        }
        return SequenceLeakage(
            perStepAccuracy: accuracy, chosenStep: argmax(accuracy), probeRows: order.count,
            probeDataSource: publicData != nil ? "public data" : "evaluation data")
    }
}
