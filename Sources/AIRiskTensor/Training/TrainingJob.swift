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
