/// The 0–9 range of one level: `from <= score < to`; a missing bound is open.
package struct LevelBand: Sendable, Equatable, Encodable, CatalogElement {
    package var level: RiskLevel
    package var from: Double?
    package var to: Double?
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "level": .attribute("id")
    ]

    /// The policy file's spelling of the level ("LOW"), as the catalog commands have always printed it.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(level.policyName, forKey: .level)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encodeIfPresent(to, forKey: .to)
        try c.encode(location, forKey: .location)
    }

    enum CodingKeys: String, CodingKey {
        case level, from, to, location
    }

    package func contains(_ score: Double) -> Bool {
        (from.map { score >= $0 } ?? true) && (to.map { score < $0 } ?? true)
    }
}
