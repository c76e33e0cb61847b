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
