/// The architecture of a surrogate trained in-process.
public enum SurrogateKind: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Multinomial logistic regression for classifiers; linear regression for regressors.
    case logistic
    /// A multilayer perceptron with ReLU hidden layers of the given sizes.
    case mlp(hidden: [Int])

    public var description: String {
        switch self {
        case .logistic: "logistic"
        case .mlp(let h): "mlp(\(h.map(String.init).joined(separator: "-")))"
        }
    }

    var hiddenSizes: [Int] {
        switch self {
        case .logistic: []
        case .mlp(let h): h
        }
    }
}
