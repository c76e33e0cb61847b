/// One point of a fidelity-versus-queries curve.
package struct ExtractionPoint: Sendable, Equatable {
    /// The budget of the schedule this point belongs to.
    package var budget: Int
    /// Answers the surrogate was trained on (less than `budget` when a source ran out).
    package var queries: Int
    /// Label agreement with the target on the evaluation data (classifiers), or R² against the target's outputs
    /// (regressors).
    package var fidelity: Double
    /// Accuracy against the evaluation labels (classifiers with labels).
    package var accuracy: Double?
    /// Regression metrics (regressors).
    package var regression: RegressionFit?
}
