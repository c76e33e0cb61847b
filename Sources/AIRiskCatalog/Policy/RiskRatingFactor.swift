/// An OWASP Risk Rating factor (e.g. skill level, ease of exploit, loss of confidentiality) and its options.
public struct RiskRatingFactor: Sendable, Equatable, Encodable {
    public var id: String
    /// "threat-agent" or "vulnerability" for likelihood factors; "technical" or "business" for impact factors.
    public var group: String
    public var name: String
    public var options: [FactorOption]
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        group = try r.attribute("group")
        name = try r.attribute("name")
        var options: [FactorOption] = []
        for o in r.children("option") { options.append(try FactorOption(o)) }
        self.options = options
        location = r.location
    }
}
