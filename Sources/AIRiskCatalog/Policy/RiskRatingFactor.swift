/// An OWASP Risk Rating factor (e.g. skill level, ease of exploit, loss of confidentiality) and its options.
package struct RiskRatingFactor: Sendable, Equatable, Encodable {
    package var id: String
    /// "threat-agent" or "vulnerability" for likelihood factors; "technical" or "business" for impact factors.
    package var group: String
    package var name: String
    package var options: [FactorOption]
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        group = try r.attribute("group")
        name = try r.attribute("name")
        options = try r.children("option", as: FactorOption.init)
        location = r.location
    }
}
