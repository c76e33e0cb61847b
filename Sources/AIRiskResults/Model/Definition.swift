/// A method or metric definition printed with the report, so numbers carry their meaning.
package struct Definition: Sendable, Equatable, Codable {
    package var term: String
    package var text: String
    /// A citation or URL.
    package var reference: String?

    package init(term: String, text: String, reference: String? = nil) {
        self.term = term
        self.text = text
        self.reference = reference
    }
}
