/// A training objective computed by the caller: given the model's output for a mini-batch and the
/// indices of the batch's rows in the training set, the mean loss over the batch and its gradient
/// with respect to the output (which seeds the reverse pass). Use it for losses that need more
/// per-row context than ``Targets`` carries, such as distillation against a teacher's answers.
package protocol TrainingObjective: Sendable {
    func evaluate(output: Tensor, rows: [Int]) throws -> (loss: Float, gradient: Tensor)
}

/// A built-in ``Loss`` against ``Targets``, as an objective.
struct TargetObjective: TrainingObjective {
    var loss: Loss
    var targets: Targets

    func evaluate(output: Tensor, rows: [Int]) throws -> (loss: Float, gradient: Tensor) {
        try loss.evaluate(output: output, targets: targets.rows(rows))
    }
}
