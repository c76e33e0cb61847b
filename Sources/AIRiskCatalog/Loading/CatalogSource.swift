import Foundation

/// The bytes of one catalog document or schema and the name errors use for it.
struct CatalogSource: Sendable {
    var name: String
    var data: Data
    /// The file's own location, so that an XSD can include siblings; nil for embedded text.
    var baseURL: URL?
}
