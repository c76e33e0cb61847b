/// A probe's default score for one likelihood factor, with the reason for the choice.
package struct FactorScore: Sendable, Equatable, Encodable {
    /// Where a derived score comes from.
    package enum Derivation: String, Sendable, Encodable {
        /// The OWASP ML Top 10 exploitability of the probe's risk, converted to 0–9.
        case owaspExploitability = "owasp-exploitability"
    }

    package var factor: String
    /// The fixed score; nil when the score is derived.
    package var score: Int?
    package var derived: Derivation?
    package var rationale: String
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        factor = try r.attribute("factor")
        score = r.optional("score") == nil ? nil : try r.int("score")
        if let raw = r.optional("derived") {
            guard let derivation = Derivation(rawValue: raw) else {
                throw r.issue("unknown derivation \"\(raw)\" for factor \(factor)", id: factor)
            }
            derived = derivation
        }
        if (score == nil) == (derived == nil) {
            throw r.issue("factor \(factor) needs exactly one of score or derived", id: factor)
        }
        rationale = r.text
        location = r.location
    }
}
