import AIRiskAccess

/// The answers a surrogate learns from: query rows and what the target said about them.
package struct DistillationSet: Sendable {
    /// How the target's scores are to be read.
    package enum ScoreKind: Sendable, Equatable {
        case probabilities
        case logits
        case none
    }

    /// Query rows, `rows × featureCount` row-major.
    package var inputs: [Float]
    package var rows: Int
    package var featureCount: Int
    /// Classifier: number of classes. Regression: number of outputs.
    package var outputWidth: Int
    /// Whether the target is a regressor.
    package var isRegression: Bool
    /// The target's scores (`rows × outputWidth`): probabilities, logits or regression values.
    package var targetScores: [Float]
    package var scoreKind: ScoreKind
    /// The target's predicted label per row (classifiers).
    package var targetLabels: [Int]
    /// The true label per row where the query came from labelled data, else −1.
    package var trueLabels: [Int]
    /// The true regression target (first output) per row where known, else NaN.
    package var trueTargets: [Float]
    /// Time steps along the first input axis, for recurrent surrogates (nil when the input has one axis).
    package var sequenceSteps: Int?
    /// What each position of a query row holds (the target's named input columns), nil for plain quantities: a dense
    /// surrogate reads a categorical column one-hot.
    package var domains: [FeatureDomain]?

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
