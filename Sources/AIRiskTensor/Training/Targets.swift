/// What a model is trained to produce, one entry per input row.
package enum Targets: Sendable, Equatable {
    /// Class indices (softmax cross-entropy).
    case labels([Int])
    /// Class distributions of shape (N, classes), e.g. a teacher's soft labels.
    case distributions(Tensor)
    /// Regression targets of shape (N, outputs) (mean squared error).
    case values(Tensor)

    /// The kind of targets, named as in messages.
    package enum Kind: String, Sendable, Equatable {
        case labels
        case distributions = "class distributions"
        case values = "regression values"
    }

    /// Which kind of targets these are.
    package var kind: Kind {
        switch self {
        case .labels: .labels
        case .distributions: .distributions
        case .values: .values
        }
    }

    /// The number of rows.
    package var count: Int {
        switch self {
        case .labels(let l): l.count
        case .distributions(let t), .values(let t): t.shape.first ?? 0
        }
    }

    /// The rows at `indices`, in order.
    func rows(_ indices: [Int]) -> Targets {
        switch self {
        case .labels(let l): .labels(indices.map { l[$0] })
        case .distributions(let t): .distributions(Batching.rows(t, indices))
        case .values(let t): .values(Batching.rows(t, indices))
        }
    }
}
