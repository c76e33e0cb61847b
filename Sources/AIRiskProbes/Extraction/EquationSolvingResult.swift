/// The outcome of the equation-solving attack (Tramèr et al. 2016).
package struct EquationSolvingResult: Sendable, Equatable {
    /// The functional form that was tested.
    package enum Form: String, Sendable, Equatable {
        /// Binary logistic: log(p1 / p0) is affine in x.
        case logistic
        /// Multinomial logistic: every log(p_c / p_ref) is affine in x.
        case softmax
        /// The returned logits themselves are affine in x.
        case affineLogits = "affine-logits"
        /// Linear regression: the outputs are affine in x.
        case linear
    }

    package var testedForm: Form
    /// Whether fresh verification queries matched the recovered map within tolerance.
    package var isOfForm: Bool
    /// Rows used to recover the parameters: d + 1.
    package var recoveryQueries: Int
    /// Rows used to check the recovered map (counted separately).
    package var verificationQueries: Int
    /// Largest difference between predicted and returned scores on the verification rows (probabilities for
    /// logistic forms; relative to max(1, |value|) for logits and regression).
    package var maxVerificationError: Double
    package var tolerance: Double
    /// The recovered map. For softmax forms the row of ``referenceClass`` is zero: only differences are identified.
    package var parameters: AffineParameters?
    package var referenceClass: Int?
    /// max |recovered − true| / max |true| over weights and biases (identifiable part), when the true parameters
    /// were supplied.
    package var parameterRelativeError: Double?
    /// Label agreement of the recovered model with the target on the evaluation data (classifiers).
    package var fidelity: Double?
    /// Accuracy of the recovered model against the evaluation labels (classifiers).
    package var accuracy: Double?
    /// Regression quality of the recovered model (regressors).
    package var regression: RegressionFit?
    /// Why recovery failed or was skipped, when it did.
    package var failure: String?

    /// A one-line verdict for reports.
    package var verdict: String {
        if let failure { return "not recovered: \(failure)" }
        let name =
            switch testedForm {
            case .logistic: "logistic"
            case .softmax: "multinomial logistic (softmax of an affine map)"
            case .affineLogits: "affine in its logits"
            case .linear: "linear"
            }
        let err = String(format: "%.3g", maxVerificationError)
        return isOfForm
            ? "model is \(name): recovered from \(recoveryQueries) queries (verification max error \(err))"
            : "model is not \(name) (verification max error \(err) > tolerance \(String(format: "%.1g", tolerance)))"
    }
}
