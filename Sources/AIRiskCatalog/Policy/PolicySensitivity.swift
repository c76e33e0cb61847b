/// A policy's entry for a data sensitivity a user can declare: the impact score (confidentiality-loss option) it
/// stands for.
package struct PolicySensitivity: Sendable, Equatable, Encodable, CatalogElement {
    /// The declared sensitivity this entry scores.
    package var id: DataSensitivity
    package var score: Int
    /// The impact factor and option the score comes from.
    package var factor: String
    package var option: String
    package var description: String
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "description": .text
    ]
}
