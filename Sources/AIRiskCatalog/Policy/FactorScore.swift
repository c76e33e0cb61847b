/// A probe's default score for one likelihood factor, with the reason for the choice.
package struct FactorScore: Sendable, Equatable, Encodable, CatalogElement {
    /// Where a derived score comes from.
    package enum Derivation: String, Sendable, Codable, CaseIterable, CatalogEnumeration {
        /// The OWASP ML Top 10 exploitability of the probe's risk, converted to 0–9.
        case owaspExploitability = "owasp-exploitability"
    }

    package var factor: String
    /// The fixed score; nil when the score is derived.
    package var score: Int?
    package var derived: Derivation?
    package var rationale: String
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "rationale": .text
    ]

    func finish(reading r: ElementReader) throws(CatalogError) {
        if (score == nil) == (derived == nil) {
            throw r.issue("factor \(factor) needs exactly one of score or derived", id: factor)
        }
    }
}
