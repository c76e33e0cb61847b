/// Early stopping: after every epoch the trainer computes the configured loss on held-out rows,
/// keeps the parameters of the epoch with the lowest one, and stops once ``patience`` epochs have
/// passed without improvement.
package struct EarlyStopping: Sendable, Equatable {
    /// Held-out rows (batch dimension first).
    package var inputs: Tensor
    package var targets: Targets
    /// Epochs without improvement before training stops (at least 1).
    package var patience: Int

    package init(inputs: Tensor, targets: Targets, patience: Int) {
        self.inputs = inputs
        self.targets = targets
        self.patience = patience
    }
}
