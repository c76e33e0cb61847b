/// One independent training run, for ``Trainer/trainInParallel(_:)``.
package struct TrainingJob: Sendable {
    package var model: TrainableModel
    package var inputs: Tensor
    package var targets: Targets
    package var config: TrainingConfig

    package init(model: TrainableModel, inputs: Tensor, targets: Targets, config: TrainingConfig) {
        self.model = model
        self.inputs = inputs
        self.targets = targets
        self.config = config
    }
}
