/// A reference to another catalog entry, with how well the link itself is backed.
package struct StatusLink: Sendable, Equatable, Encodable {
    package var ref: String
    package var status: VerificationStatus
    package var location: SourceLocation

    init(_ r: ElementReader, attribute: String = "ref") throws(CatalogError) {
        ref = try r.attribute(attribute)
        status = try r.status()
        location = r.location
    }
}
