/// A method or metric definition printed with the report, so numbers carry their meaning.
public struct Definition: Sendable, Equatable, Codable {
    public var term: String
    public var text: String
    /// A citation or URL.
    public var reference: String?

    public init(term: String, text: String, reference: String? = nil) {
        self.term = term
        self.text = text
        self.reference = reference
    }
}
