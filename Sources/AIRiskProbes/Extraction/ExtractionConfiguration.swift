/// Settings of the extraction probe.
package struct ExtractionConfiguration: Sendable {
    /// Query budgets of the learning-based attack. Answers are reused: the copy at budget b is trained on the
    /// first b answers of its source, so a source costs its largest budget, not the sum.
    package var budgets: [Int]
    package var sources: [QuerySource]
    package var surrogates: [SurrogateKind]
    /// Surrogates for many-to-many sequence models (recurrent ones are skipped when the input has no time axis).
    package var sequenceSurrogates: [SurrogateKind]
    /// Losses for classifiers (soft and combined losses need scores and are skipped for labels-only targets).
    package var classificationLosses: [DistillationLoss]
    /// Losses for regressors.
    package var regressionLosses: [DistillationLoss]
    /// Whether to try equation solving first.
    package var equationSolving: Bool
    /// Fresh rows used to check a recovered affine map.
    package var verificationQueries: Int
    /// Largest verification error accepted as "of that form".
    package var verificationTolerance: Double
    /// Equation-solving rows are drawn uniformly from mean ± spread · standard deviation per feature (smaller
    /// values avoid saturated probabilities; larger ones condition the system better).
    package var equationSolvingSpread: Float
    /// The true parameters of the target, when known (tests, white-box audits), to report parameter error.
    /// For binary models returning [p0, p1], a single row means the class-1 logit (class 0's is zero).
    package var referenceParameters: AffineParameters?
    /// Labelled rows used to find the leakiest step of a sequence model.
    package var sequenceProbeRows: Int
    /// Surrogate training.
    package var epochs: Int
    package var minimumSteps: Int
    package var batchSize: Int
    package var learningRate: Float
    package var seed: UInt64
    /// Called with the fraction of query sources done.
    package var progress: ProbeProgress?
    /// Total attack rows allowed; nil: exactly what the plan needs (reported).
    package var totalQueryBudget: Int?
    /// Fidelity levels for the queries-needed figures.
    package var fidelityThresholds: [Double]

    package init(
        budgets: [Int] = [50, 100, 200, 500, 1000, 2000, 5000],
        sources: [QuerySource] = [.publicData, .uniform, .gaussian(scale: 0.5), .jacobian(step: 0.1)],
        surrogates: [SurrogateKind] = [.mlp(hidden: [64])],
        sequenceSurrogates: [SurrogateKind] = [.rnn(hidden: 64), .mlp(hidden: [64])],
        classificationLosses: [DistillationLoss] = [
            .hard, .soft(temperature: 1), .soft(temperature: 4), .soft(temperature: 16),
            .combined(mu: 0.5, temperature: 4),
        ],
        regressionLosses: [DistillationLoss] = [.l2, .marginSquared(m: 5), .margin(m: 5)],
        equationSolving: Bool = true,
        verificationQueries: Int = 20,
        verificationTolerance: Double = 1e-3,
        equationSolvingSpread: Float = 1,
        referenceParameters: AffineParameters? = nil,
        sequenceProbeRows: Int = 200,
        epochs: Int = 40,
        minimumSteps: Int = 500,
        batchSize: Int = 64,
        learningRate: Float = 1e-2,
        seed: UInt64 = 0,
        totalQueryBudget: Int? = nil,
        fidelityThresholds: [Double] = [0.9, 0.95, 0.99]
    ) {
        self.budgets = budgets
        self.sources = sources
        self.surrogates = surrogates
        self.sequenceSurrogates = sequenceSurrogates
        self.classificationLosses = classificationLosses
        self.regressionLosses = regressionLosses
        self.equationSolving = equationSolving
        self.verificationQueries = verificationQueries
        self.verificationTolerance = verificationTolerance
        self.equationSolvingSpread = equationSolvingSpread
        self.referenceParameters = referenceParameters
        self.sequenceProbeRows = sequenceProbeRows
        self.epochs = epochs
        self.minimumSteps = minimumSteps
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.seed = seed
        self.totalQueryBudget = totalQueryBudget
        self.fidelityThresholds = fidelityThresholds
    }

    /// The trainer these settings describe.
    var trainer: EngineSurrogateTrainer {
        EngineSurrogateTrainer(
            epochs: epochs, minimumSteps: minimumSteps, batchSize: batchSize, learningRate: learningRate)
    }
}
