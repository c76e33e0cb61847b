/// Why a probe could not run.
package enum ProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidData(String)
    case notApplicable(String)

    package var description: String {
        switch self {
        case .invalidData(let s): "invalid probe data: \(s)"
        case .notApplicable(let s): "probe not applicable: \(s)"
        }
    }
}
