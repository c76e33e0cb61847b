/// Why a document could not be read, validated or written.
package enum XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The document is not well-formed XML (or uses a DTD, which no airisk format allows).
    case malformed([XMLDiagnostic])
    /// The document is well-formed but breaks its schema; every violation is listed.
    case invalid([XMLDiagnostic])
    /// The XSD itself could not be compiled.
    case schemaUnusable([XMLDiagnostic])
    /// The document cannot be serialised: which name or step, and why.
    case unwritable(XMLWriteProblem)

    /// Every diagnostic carried by the error.
    package var diagnostics: [XMLDiagnostic] {
        switch self {
        case .malformed(let d), .invalid(let d), .schemaUnusable(let d): d
        case .unreadable(let file, let reason): [XMLDiagnostic(file: file, line: 0, message: reason)]
        case .unwritable(let problem): [XMLDiagnostic(file: "", line: 0, message: problem.description)]
        }
    }

    package var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .malformed(let d):
            return "malformed XML:\n" + d.map { "  \($0)" }.joined(separator: "\n")
        case .invalid(let d):
            return "document does not match its schema (\(d.count) error\(d.count == 1 ? "" : "s")):\n"
                + d.map { "  \($0)" }.joined(separator: "\n")
        case .schemaUnusable(let d):
            return "schema cannot be compiled:\n" + d.map { "  \($0)" }.joined(separator: "\n")
        case .unwritable(let problem):
            return "cannot write XML: \(problem)"
        }
    }
}
