import AIRiskXML

/// Why a catalog could not be loaded. Every case lists all the problems found, each with file and line.
package enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A catalog or schema file is missing or unreadable.
    case unreadable(file: String, reason: String)
    /// A file is not well-formed XML.
    case malformed([CatalogIssue])
    /// A file breaks its XSD.
    case schemaViolation([CatalogIssue])
    /// An XSD in `schema/` cannot be compiled.
    case schemaUnusable([CatalogIssue])
    /// The files are valid on their own but do not fit together: duplicate or dangling IDs, inconsistent links.
    case brokenReferences([CatalogIssue])

    /// Every problem carried by the error.
    package var issues: [CatalogIssue] {
        switch self {
        case .unreadable(let file, let reason): [CatalogIssue(file: file, line: 0, message: reason)]
        case .malformed(let i), .schemaViolation(let i), .schemaUnusable(let i), .brokenReferences(let i): i
        }
    }

    package var description: String {
        let heading: String
        switch self {
        case .unreadable(let file, let reason): return "cannot read catalog file \(file): \(reason)"
        case .malformed: heading = "catalog file is not well-formed XML"
        case .schemaViolation: heading = "catalog file does not match its schema"
        case .schemaUnusable: heading = "catalog schema cannot be compiled"
        case .brokenReferences: heading = "catalog references do not resolve"
        }
        return heading + ":\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }

    /// Converts an error of the XML layer, keeping every diagnostic.
    init(_ error: XMLError) {
        let issues = error.diagnostics.map { CatalogIssue(file: $0.file, line: $0.line, message: $0.message) }
        switch error {
        case .unreadable(let file, let reason): self = .unreadable(file: file, reason: reason)
        case .malformed: self = .malformed(issues)
        case .invalid: self = .schemaViolation(issues)
        case .schemaUnusable, .unwritable: self = .schemaUnusable(issues)
        }
    }
}
