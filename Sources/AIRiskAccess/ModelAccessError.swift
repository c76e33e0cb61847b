/// Why a model could not answer.
package enum ModelAccessError: Error, Sendable, Equatable, CustomStringConvertible {
    case noInputGradients(model: String)
    case badInput(model: String, reason: String)
    case budgetExhausted(model: String, budget: Int, requested: Int)
    case badOutput(model: String, reason: String)
    /// The assessment was interrupted (the first Ctrl-C): the probe stopped between batches.
    case interrupted

    package var description: String {
        switch self {
        case .noInputGradients(let m):
            "\(m) does not provide input gradients (it is not differentiable end to end, or only its outputs are reachable)"
        case .badInput(let m, let r): "\(m): \(r)"
        case .budgetExhausted(let m, let b, let r):
            "query budget of \(b) rows for \(m) is exhausted (\(r) more rows were requested)"
        case .badOutput(let m, let r): "\(m) returned an unusable answer: \(r)"
        case .interrupted: "interrupted: the probe stopped between batches and sent no further queries"
        }
    }
}
