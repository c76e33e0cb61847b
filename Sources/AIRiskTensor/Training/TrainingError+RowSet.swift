extension TrainingError {
    /// The rows a run trains on, or the held-out rows early stopping validates on.
    package enum RowSet: Sendable, Equatable {
        case training
        case validation

        /// The rows' name in messages.
        var rows: String {
            switch self {
            case .training: "training rows"
            case .validation: "held-out rows for early stopping"
            }
        }

        /// How to supply them.
        var remedy: String {
            switch self {
            case .training: "supply at least one row"
            case .validation: "supply at least one held-out row or turn early stopping off"
            }
        }
    }
}
