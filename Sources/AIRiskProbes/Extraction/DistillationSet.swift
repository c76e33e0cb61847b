import AIRiskAccess

/// The answers a surrogate learns from: query rows and what the target said about them.
public struct DistillationSet: Sendable {
    /// How the target's scores are to be read.
    public enum ScoreKind: Sendable, Equatable {
        case probabilities
        case logits
        case none
    }

    /// Query rows, `rows × featureCount` row-major.
    public var inputs: [Float]
    public var rows: Int
    public var featureCount: Int
    /// Classifier: number of classes. Regression: number of outputs.
    public var outputWidth: Int
    /// Whether the target is a regressor.
    public var isRegression: Bool
    /// The target's scores (`rows × outputWidth`): probabilities, logits or regression values.
    public var targetScores: [Float]
    public var scoreKind: ScoreKind
    /// The target's predicted label per row (classifiers).
    public var targetLabels: [Int]
    /// The true label per row where the query came from labelled data, else −1.
    public var trueLabels: [Int]
    /// The true regression target (first output) per row where known, else NaN.
    public var trueTargets: [Float]
    /// Time steps along the first input axis, for recurrent surrogates (nil when the input has one axis).
    public var sequenceSteps: Int?
    /// What each position of a query row holds (the target's named input columns), nil for plain quantities: a dense
    /// surrogate reads a categorical column one-hot.
    public var domains: [FeatureDomain]?

    public init(
        inputs: [Float], rows: Int, featureCount: Int, outputWidth: Int, isRegression: Bool, targetScores: [Float],
        scoreKind: ScoreKind, targetLabels: [Int], trueLabels: [Int], trueTargets: [Float], sequenceSteps: Int? = nil,
        domains: [FeatureDomain]? = nil
    ) {
        self.sequenceSteps = sequenceSteps
        self.domains = domains
        self.inputs = inputs
        self.rows = rows
        self.featureCount = featureCount
        self.outputWidth = outputWidth
        self.isRegression = isRegression
        self.targetScores = targetScores
        self.scoreKind = scoreKind
        self.targetLabels = targetLabels
        self.trueLabels = trueLabels
        self.trueTargets = trueTargets
    }

    /// Appends rows answered by the target.
    mutating func append(
        inputs newInputs: [Float], scores: [Float], labels: [Int], trueLabels newTrue: [Int],
        trueTargets newTargets: [Float]
    ) {
        let n = newInputs.count / featureCount
        inputs += newInputs
        if scoreKind != .none { targetScores += scores }
        if !isRegression { targetLabels += labels }
        trueLabels += newTrue
        trueTargets += newTargets
        rows += n
    }
}
