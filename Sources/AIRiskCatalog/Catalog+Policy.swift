import Foundation

extension Catalog {
    /// This catalog with its risk policy replaced by the one in `url` (a team's own policy, same
    /// schema as `policy-default.xml`). The file is validated against the policy XSD and its
    /// references are checked against the rest of the catalog, with errors naming file and line.
    public static func bundled(policy url: URL) throws(CatalogError) -> Catalog {
        var documents: [CatalogFile: CatalogSource] = [:]
        var schemas: [CatalogFile: CatalogSource] = [:]
        for file in CatalogFile.allCases {
            guard let doc = BundledCatalogFiles.files[file.fileName],
                let schema = BundledCatalogFiles.files[file.schemaName]
            else {
                throw CatalogError.unreadable(file: "<bundled>/" + file.fileName, reason: "not embedded in the binary")
            }
            documents[file] = CatalogSource(name: "<bundled>/" + file.fileName, data: Data(doc.utf8))
            schemas[file] = CatalogSource(name: "<bundled>/" + file.schemaName, data: Data(schema.utf8))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CatalogError.unreadable(
                file: url.path, reason: "missing or unreadable (\(error.localizedDescription))")
        }
        documents[.policy] = CatalogSource(name: url.path, data: data)
        return try CatalogLoader.load(
            documents: documents, schemas: schemas, origin: "<bundled> with policy \(url.path)")
    }
}
