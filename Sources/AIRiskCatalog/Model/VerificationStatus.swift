/// How well a catalog fact is backed by its source (the markers of `catalog-facts.md`).
package enum VerificationStatus: String, Sendable, Codable, CaseIterable {
    /// Confirmed in a primary source.
    case verified
    /// A conclusion drawn from the sources but not stated in them (including airisk's own mappings).
    case inferred
    /// Not confirmed in a primary source.
    case unverified
}
