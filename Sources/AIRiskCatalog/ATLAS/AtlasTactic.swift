/// A MITRE ATLAS tactic (the attacker's goal a technique serves).
package struct AtlasTactic: Sendable, Equatable, Encodable {
    package var id: String
    package var name: String
    /// The name before ATLAS renamed "ML" to "AI", when it differs.
    package var oldName: String?
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.attribute("name")
        oldName = r.optional("oldName")
        location = r.location
    }
}
