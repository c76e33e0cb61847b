import AIRiskTensor

/// A model seen through an output-side defense: every answer is transformed before the caller
/// sees it, as a deployment that applies the defense in its serving layer would.
///
/// No defense passes input gradients through: whoever queries a defended deployment only sees
/// its (transformed) answers, so ``ModelDescription/providesInputGradients`` is always false.
package protocol OutputDefense: ModelAccess {
    /// The undefended model.
    var base: any ModelAccess { get }
    /// The defense as written on the command line, e.g. `round:2`.
    var setting: String { get }
}

extension OutputDefense {
    /// Rejects an answer of ``base`` that is not class scores this defense can transform, naming the model and
    /// the defense's setting.
    func requireClassifierScores(_ output: ModelOutput) throws {
        try ScoreRows.requireClassifierScores(output, model: base.description.name, defense: setting)
    }
}

/// An output defense that transforms class scores: to its callers the model answers with probabilities where the
/// base answered with logits, and gives no input gradients (``ScoreRows/defendedDescription(_:keepsRegression:)``).
package protocol ScoreDefense: OutputDefense {}

extension ScoreDefense {
    package var description: ModelDescription { ScoreRows.defendedDescription(base.description) }
}
