/// Why a probe could not run.
public enum ProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidData(String)
    case notApplicable(String)

    public var description: String {
        switch self {
        case .invalidData(let s): "invalid probe data: \(s)"
        case .notApplicable(let s): "probe not applicable: \(s)"
        }
    }
}
