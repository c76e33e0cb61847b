import AIRiskXML

/// Why a results document could not be read or written.
package enum ResultsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The XML layer refused the document (not well-formed, or not valid against results.xsd).
    case xml(XMLError)
    /// A value passed the schema but cannot be taken into the model (e.g. an unknown status).
    case invalidValue(file: String, line: Int, field: String, value: String, reason: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)

    package var description: String {
        switch self {
        case .xml(let error):
            return error.description
        case .invalidValue(let file, let line, let field, let value, let reason):
            return "\(file):\(line): \(field) '\(value)' \(reason)"
        case .unwritable(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
