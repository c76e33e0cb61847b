extension TrainingError {
    /// A tensor training checks for shape and element type (named as in messages).
    package enum Operand: String, Sendable, Equatable {
        /// The model's output (scores, one row per input row).
        case modelOutput = "the model output"
        /// Soft targets: one class distribution per row.
        case classDistributions = "the class-distribution target tensor"
        /// Regression targets.
        case regressionValues = "the regression target tensor"

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
