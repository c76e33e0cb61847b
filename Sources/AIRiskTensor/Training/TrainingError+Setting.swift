extension TrainingError {
    /// A training setting with the value it was given; each setting has one requirement.
    package enum Setting: Sendable, Equatable {
        case batchSize(Int)
        case epochs(Int)
        case minimumSteps(Int)
        case earlyStoppingPatience(Int)
        /// The rate of the dropout mask fed as `mask`.
        case dropoutRate(Float, mask: String)
        /// The softmax temperature of a cross-entropy loss.
        case temperature(Float)

        /// The setting's name in messages.
        var name: String {
            switch self {
            case .batchSize: "batch size"
            case .epochs: "epochs"
            case .minimumSteps: "minimum steps"
            case .earlyStoppingPatience: "early-stopping patience"
            case .dropoutRate(_, let mask): "the dropout rate of mask '\(mask)'"
            case .temperature: "the softmax temperature"
            }
        }

        /// The value it was given.
        var value: String {
            switch self {
            case .batchSize(let n), .epochs(let n), .minimumSteps(let n), .earlyStoppingPatience(let n): String(n)
            case .dropoutRate(let x, _), .temperature(let x): String(x)
            }
        }

        /// What the value must satisfy.
        var requirement: String {
            switch self {
            case .batchSize, .earlyStoppingPatience: "must be at least 1"
            case .epochs, .minimumSteps: "must be 0 or more"
            case .dropoutRate: "must lie in [0, 1)"
            case .temperature: "must be positive"
            }
        }
    }
}
