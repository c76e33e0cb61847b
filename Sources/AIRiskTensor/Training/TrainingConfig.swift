/// How to train: epochs, mini-batch size, loss, optimiser and the seed for shuffling.
public struct TrainingConfig: Sendable, Equatable {
    public var epochs: Int
    public var batchSize: Int
    public var loss: Loss
    public var optimizer: Optimizer
    /// Seeds the per-epoch shuffling of rows.
    public var seed: UInt64
    public var shuffle: Bool

    public init(
        epochs: Int, batchSize: Int = 32, loss: Loss = .softmaxCrossEntropy(),
        optimizer: Optimizer = .adam(), seed: UInt64 = 0, shuffle: Bool = true
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.loss = loss
        self.optimizer = optimizer
        self.seed = seed
        self.shuffle = shuffle
    }
}

/// One independent training run, for ``Trainer/trainInParallel(_:)``.
public struct TrainingJob: Sendable {
    public var model: TrainableModel
    public var inputs: Tensor
    public var targets: Targets
    public var config: TrainingConfig

    public init(model: TrainableModel, inputs: Tensor, targets: Targets, config: TrainingConfig) {
        self.model = model
        self.inputs = inputs
        self.targets = targets
        self.config = config
    }
}

/// A trained model and its loss curve.
public struct TrainingResult: Sendable {
    /// The model with its parameters (graph initializers) updated.
    public var model: TrainableModel
    /// Mean training loss per epoch.
    public var lossHistory: [Float]
}
