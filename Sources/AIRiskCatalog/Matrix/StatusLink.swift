/// A reference to another catalog entry, with how well the link itself is backed.
public struct StatusLink: Sendable, Equatable, Encodable {
    public var ref: String
    public var status: VerificationStatus
    public var location: SourceLocation

    init(_ r: ElementReader, attribute: String = "ref") throws(CatalogError) {
        ref = try r.attribute(attribute)
        status = try r.status()
        location = r.location
    }
}
