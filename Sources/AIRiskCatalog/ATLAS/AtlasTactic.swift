/// A MITRE ATLAS tactic (the attacker's goal a technique serves).
public struct AtlasTactic: Sendable, Equatable, Encodable {
    public var id: String
    public var name: String
    /// The name before ATLAS renamed "ML" to "AI", when it differs.
    public var oldName: String?
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.attribute("name")
        oldName = r.optional("oldName")
        location = r.location
    }
}
