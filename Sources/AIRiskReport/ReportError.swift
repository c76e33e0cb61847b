import AIRiskResults
import AIRiskXML

/// Why a rendering could not be produced or written.
package enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A template is missing, unreadable or does not parse.
    case template(name: String, reason: String)
    /// A rendering could not be serialised (e.g. JSON encoding failed).
    case encoding(format: String, reason: String)
    /// A produced XML document failed its schema (a bug in airisk, reported with every violation).
    case invalidOutput(format: String, diagnostics: [XMLDiagnostic])
    /// Writing a file failed.
    case results(ResultsError)

    package var description: String {
        switch self {
        case .template(let name, let reason): "template \(name) \(reason)"
        case .encoding(let format, let reason): "cannot encode \(format): \(reason)"
        case .invalidOutput(let format, let d):
            "\(format) output does not validate:\n" + d.map { "  \($0)" }.joined(separator: "\n")
        case .results(let e): e.description
        }
    }
}
