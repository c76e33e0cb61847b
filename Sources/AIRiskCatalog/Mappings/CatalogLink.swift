/// A link from one catalog entry to another, by ID, written at a known place (a ``CatalogReference`` or a
/// ``StatusLink``): what ``ReferenceChecker`` resolves.
protocol CatalogLink {
    var ref: String { get }
    var location: SourceLocation { get }
}

extension CatalogReference: CatalogLink {}

extension StatusLink: CatalogLink {}
