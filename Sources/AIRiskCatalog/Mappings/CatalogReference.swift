/// A reference from one catalog entry to another, remembering the line it was written on.
public struct CatalogReference: Sendable, Equatable, Encodable {
    public var ref: String
    public var location: SourceLocation

    init(_ r: ElementReader, attribute: String = "ref") throws(CatalogError) {
        ref = try r.attribute(attribute)
        location = r.location
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(ref)
    }
}
