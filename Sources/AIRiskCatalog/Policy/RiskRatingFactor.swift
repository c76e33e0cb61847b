/// An OWASP Risk Rating factor (e.g. skill level, ease of exploit, loss of confidentiality) and its options.
package struct RiskRatingFactor: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    /// "threat-agent" or "vulnerability" for likelihood factors; "technical" or "business" for impact factors.
    package var group: String
    package var name: String
    package var options: [FactorOption]
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "options": .children("option")
    ]
}
