/// A reference to another catalog entry, with how well the link itself is backed.
package struct StatusLink: Sendable, Equatable, Encodable, CatalogElement {
    package var ref: String
    package var status: VerificationStatus
    package var location: SourceLocation
}
