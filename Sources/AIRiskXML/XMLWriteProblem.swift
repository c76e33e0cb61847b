/// Why a document could not be serialised: the name or step concerned and libxml2's or the system's reason.
package enum XMLWriteProblem: Sendable, Equatable, CustomStringConvertible {
    /// An element name that is not an XML name.
    case invalidElementName(String)
    /// An attribute name that is not an XML name (or is `xmlns`, which the writer declares itself).
    case invalidAttributeName(String)
    /// libxml2 could not allocate `what` (its buffer or its writer).
    case noMemory(what: String)
    /// A libxml2 writer call failed at `step`.
    case writerFailed(step: String)
    /// libxml2 reported errors while writing: its messages.
    case libxml2([String])
    /// Some other failure, described by `reason`.
    case other(reason: String)

    package var description: String {
        switch self {
        case .invalidElementName(let name):
            "'\(name)' is not a valid XML element name" + Self.nameRule
        case .invalidAttributeName(let name):
            "'\(name)' is not a valid XML attribute name" + Self.nameRule
        case .noMemory(let what): "libxml2 cannot allocate \(what) (out of memory?)"
        case .writerFailed(let step): "libxml2 writer failed to \(step)"
        case .libxml2(let messages): "libxml2: " + messages.joined(separator: "; ")
        case .other(let reason): reason
        }
    }

    private static let nameRule =
        " (a name starts with a letter or '_' and holds only letters, digits, '-', '.' and '_'; 'xmlns' is reserved)"
}
