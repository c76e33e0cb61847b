/// A MITRE ATLAS tactic (the attacker's goal a technique serves).
package struct AtlasTactic: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    package var name: String
    /// The name before ATLAS renamed "ML" to "AI", when it differs.
    package var oldName: String?
    package var location: SourceLocation
}
