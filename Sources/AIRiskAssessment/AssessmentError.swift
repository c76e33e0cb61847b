/// Why an assessment could not be carried out.
package enum AssessmentError: Error, Sendable, Equatable, CustomStringConvertible {
    case policy(String)
    case input(String)
    case probe(id: String, reason: String)

    package var description: String {
        switch self {
        case .policy(let s): "risk policy: \(s)"
        case .input(let s): s
        case .probe(let id, let reason): "\(id) probe: \(reason)"
        }
    }
}
