/// How to train: epochs, mini-batch size, loss, optimiser, learning-rate schedule and the seed for
/// shuffling.
package struct TrainingConfig: Sendable, Equatable {
    package var epochs: Int
    package var batchSize: Int
    package var loss: Loss
    package var optimizer: Optimizer
    /// Seeds the per-epoch shuffling of rows.
    package var seed: UInt64
    package var shuffle: Bool
    /// When positive, batches are drawn as a stream instead of per epoch: every step takes a full
    /// batch from a shuffled order that is reshuffled whenever it runs out, for
    /// max(epochs × ⌈rows / batch⌉, minimumSteps) steps, so small training sets still get enough
    /// steps. 0 (the default) trains whole epochs, the last batch of each possibly short.
    package var minimumSteps: Int
    /// Scales the optimiser's learning rate per step.
    package var schedule: LearningRateSchedule
    /// DP-SGD: clip every row's gradient and add Gaussian noise to the sum; nil trains normally.
    package var privacy: GradientPrivacy?
    /// Stop when the loss on held-out rows stops improving, keeping the best epoch's parameters;
    /// whole epochs only (not with ``minimumSteps``).
    package var earlyStopping: EarlyStopping?

    package init(
        epochs: Int, batchSize: Int = 32, loss: Loss = .softmaxCrossEntropy(),
        optimizer: Optimizer = .adam(), seed: UInt64 = 0, shuffle: Bool = true, minimumSteps: Int = 0,
        schedule: LearningRateSchedule = .constant, privacy: GradientPrivacy? = nil,
        earlyStopping: EarlyStopping? = nil
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.loss = loss
        self.optimizer = optimizer
        self.seed = seed
        self.shuffle = shuffle
        self.minimumSteps = minimumSteps
        self.schedule = schedule
        self.privacy = privacy
        self.earlyStopping = earlyStopping
    }
}
