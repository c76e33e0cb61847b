import Foundation

extension Catalog {
    /// This catalog with its risk policy replaced by the one in `url` (a team's own policy, same
    /// schema as `policy-default.xml`). The file is validated against the policy XSD and its
    /// references are checked against the rest of the catalog, with errors naming file and line.
    package static func bundled(policy url: URL) throws(CatalogError) -> Catalog {
        var (documents, schemas) = try bundledSources()
        documents[.policy] = CatalogSource(name: url.path, data: try read(url))
        return try CatalogLoader.load(
            documents: documents, schemas: schemas, origin: "<bundled> with policy \(url.path)")
    }
}
