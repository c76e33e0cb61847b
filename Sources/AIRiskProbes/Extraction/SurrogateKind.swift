/// The architecture of a surrogate trained in-process.
package enum SurrogateKind: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Multinomial logistic regression for classifiers; linear regression for regressors.
    case logistic
    /// A multilayer perceptron with ReLU hidden layers of the given sizes.
    case mlp(hidden: [Int])
    /// An Elman RNN with `hidden` tanh units reading the first input axis as time steps (sequence models).
    case rnn(hidden: Int)

    package var description: String {
        switch self {
        case .logistic: "logistic"
        case .mlp(let h): "mlp(\(h.map(String.init).joined(separator: "-")))"
        case .rnn(let h): "rnn(\(h))"
        }
    }

    /// Whether the surrogate reads the input's first axis as time steps.
    package var isRecurrent: Bool {
        if case .rnn = self { return true }
        return false
    }

    var hiddenSizes: [Int] {
        switch self {
        case .logistic: []
        case .mlp(let h): h
        case .rnn(let h): [h]
        }
    }
}
