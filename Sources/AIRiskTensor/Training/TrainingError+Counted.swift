extension TrainingError {
    /// What a ``TrainingError/countMismatch(_:count:expected:)`` counts, and what it is counted against.
    package enum Counted: Sendable, Equatable {
        /// Training targets against input rows.
        case trainingTargets
        /// Early-stopping targets against held-out input rows.
        case validationTargets
        /// A batch's targets against the model's output rows.
        case batchTargets
        /// Regression target values against the model's output values.
        case regressionValues
        /// Labels against the rows of the model's predictions.
        case labels

        /// The counted items' name in messages.
        var items: String {
            switch self {
            case .trainingTargets, .batchTargets: "targets"
            case .validationTargets: "early-stopping targets"
            case .regressionValues: "regression target values"
            case .labels: "labels"
            }
        }

        /// What they are counted against.
        var reference: String {
            switch self {
            case .trainingTargets: "input rows"
            case .validationTargets: "held-out input rows"
            case .batchTargets: "output rows"
            case .regressionValues: "output values"
            case .labels: "prediction rows"
            }
        }

        /// How to make the counts agree.
        var remedy: String {
            switch self {
            case .trainingTargets, .validationTargets, .batchTargets: "give exactly one target per input row"
            case .regressionValues: "shape the targets like the model output"
            case .labels: "give exactly one label per input row"
            }
        }
    }
}
