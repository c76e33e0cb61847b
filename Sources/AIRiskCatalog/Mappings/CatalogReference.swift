/// A reference from one catalog entry to another, remembering the line it was written on.
package struct CatalogReference: Sendable, Equatable, Encodable, CatalogElement {
    package var ref: String
    package var location: SourceLocation

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(ref)
    }
}
