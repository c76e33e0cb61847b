/// A trained copy of the target.
public protocol Surrogate: Sendable {
    /// Number of classes (classifier) or outputs (regressor).
    var outputWidth: Int { get }
    /// Class probabilities (classifiers) or predicted values (regressors), `rows × outputWidth`.
    func predict(_ inputs: [Float], rows: Int) -> [Float]
    /// Per row, the gradient with respect to the raw input of the surrogate's logit for `outputs[row]`
    /// (used by Jacobian-based augmentation). `rows × featureCount`.
    func inputGradient(_ inputs: [Float], rows: Int, outputs: [Int]) -> [Float]
}

/// Trains surrogates; the engine's trainer can replace ``DenseSurrogateTrainer`` behind this protocol.
public protocol SurrogateTrainer: Sendable {
    func train(_ data: DistillationSet, kind: SurrogateKind, loss: DistillationLoss, seed: UInt64) throws
        -> any Surrogate
}
