/// Why a training run cannot proceed.
package enum TrainingError: Error, CustomStringConvertible, Equatable {
    /// Inputs and targets disagree, or a target is invalid for the loss.
    case invalidData(String)
    /// The configuration cannot be used (e.g. a batch size of 0).
    case invalidConfiguration(String)
    /// The loss became NaN or infinite (learning rate too high?).
    case diverged(epoch: Int)

    package var description: String {
        switch self {
        case .invalidData(let s): "training data: \(s)"
        case .invalidConfiguration(let s): "training configuration: \(s)"
        case .diverged(let epoch):
            "training diverged in epoch \(epoch): the loss is not finite (lower the learning rate)"
        }
    }
}
