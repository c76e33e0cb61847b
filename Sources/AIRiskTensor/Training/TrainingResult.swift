/// A trained model and its loss curve.
public struct TrainingResult: Sendable {
    /// The model with its parameters (graph initializers) updated.
    public var model: TrainableModel
    /// Mean training loss per epoch.
    public var lossHistory: [Float]
}
