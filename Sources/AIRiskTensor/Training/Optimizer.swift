/// A first-order optimiser with optional L2 weight decay (added to the gradient of every
/// parameter of rank ≥ 2, i.e. weights but not biases).
package enum Optimizer: Sendable, Equatable {
    /// Stochastic gradient descent with (heavy-ball) momentum.
    case sgd(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0)
    /// Adam (Kingma & Ba), with bias correction.
    case adam(
        learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
        weightDecay: Float = 0)

    var weightDecay: Float {
        switch self {
        case .sgd(_, _, let wd), .adam(_, _, _, _, let wd): wd
        }
    }
}
