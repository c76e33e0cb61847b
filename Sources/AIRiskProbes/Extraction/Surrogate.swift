/// A trained copy of the target.
package protocol Surrogate: Sendable {
    /// Number of classes (classifier) or outputs (regressor).
    var outputWidth: Int { get }
    /// Class probabilities (classifiers) or predicted values (regressors), `rows × outputWidth`.
    func predict(_ inputs: [Float], rows: Int) throws -> [Float]
    /// Per row, the gradient with respect to the raw input of the surrogate's logit for `outputs[row]`
    /// (used by Jacobian-based augmentation). `rows × featureCount`.
    func inputGradient(_ inputs: [Float], rows: Int, outputs: [Int]) throws -> [Float]
}

/// Trains surrogates; ``EngineSurrogateTrainer`` (the engine's trainer) unless another is supplied.
package protocol SurrogateTrainer: Sendable {
    func train(_ data: DistillationSet, kind: SurrogateKind, loss: DistillationLoss, seed: UInt64) throws
        -> any Surrogate
}
