/// A trained model and its loss curve.
package struct TrainingResult: Sendable {
    /// The model with its parameters (graph initializers) updated.
    package var model: TrainableModel
    /// Mean training loss per epoch.
    package var lossHistory: [Float]
    /// The epochs trained (fewer than configured when early stopping ended the run).
    package var epochsTrained: Int
    /// The 1-based epoch whose parameters the model holds: the last one, or under early stopping
    /// the one with the lowest validation loss.
    package var keptEpoch: Int
    /// The validation loss of ``keptEpoch``, when early stopping watched one.
    package var validationLoss: Float?

    package init(
        model: TrainableModel, lossHistory: [Float], epochsTrained: Int? = nil, keptEpoch: Int? = nil,
        validationLoss: Float? = nil
    ) {
        self.model = model
        self.lossHistory = lossHistory
        self.epochsTrained = epochsTrained ?? lossHistory.count
        self.keptEpoch = keptEpoch ?? epochsTrained ?? lossHistory.count
        self.validationLoss = validationLoss
    }
}
