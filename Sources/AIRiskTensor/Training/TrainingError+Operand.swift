extension TrainingError {
    /// A tensor training checks for shape and element type.
    package enum Operand: Sendable, Equatable {
        /// The model's output (scores, one row per input row).
        case modelOutput
        /// Soft targets: one class distribution per row.
        case classDistributions
        /// Regression targets.
        case regressionValues

        /// The tensor's name in messages.
        var name: String {
            switch self {
            case .modelOutput: "the model output"
            case .classDistributions: "the class-distribution target tensor"
            case .regressionValues: "the regression target tensor"
            }
        }

        /// What it must be.
        var remedy: String {
            switch self {
            case .modelOutput: "the model must output a float32 matrix with one row of scores per input row"
            case .classDistributions: "give one float32 distribution per row, as wide as the model output"
            case .regressionValues: "give float32 values shaped like the model output"
            }
        }
    }
}
