/// A reference from one catalog entry to another, remembering the line it was written on.
package struct CatalogReference: Sendable, Equatable, Encodable {
    package var ref: String
    package var location: SourceLocation

    init(_ r: ElementReader, attribute: String = "ref") throws(CatalogError) {
        ref = try r.attribute(attribute)
        location = r.location
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(ref)
    }
}
