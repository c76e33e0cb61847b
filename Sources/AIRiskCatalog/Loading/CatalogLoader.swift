import AIRiskXML
import Foundation

/// Validates catalog documents against their schemas, parses them and checks their cross-references.
enum CatalogLoader {
    static func load(
        documents: [CatalogFile: CatalogSource], schemas: [CatalogFile: CatalogSource], origin: String
    ) throws(CatalogError) -> Catalog {
        var malformed: [CatalogIssue] = []
        var invalid: [CatalogIssue] = []
        var unusable: [CatalogIssue] = []
        var roots: [CatalogFile: ElementReader] = [:]
        for file in CatalogFile.allCases {
            guard let doc = documents[file], let schemaSource = schemas[file] else {
                throw CatalogError.unreadable(file: file.fileName, reason: "not provided")
            }
            let schema: XMLSchema
            do {
                schema = try XMLSchema(schemaSource.data, fileName: schemaSource.name, baseURL: schemaSource.baseURL)
            } catch {
                unusable += CatalogError(error).issues
                continue
            }
            do {
                try schema.check(doc.data, fileName: doc.name)
                let parsed = try XMLReader.parse(doc.data, fileName: doc.name)
                roots[file] = ElementReader(element: parsed.root, file: doc.name)
            } catch {
                switch CatalogError(error) {
                case .malformed(let issues): malformed += issues
                case .unreadable(let file, let reason): throw CatalogError.unreadable(file: file, reason: reason)
                case let other: invalid += other.issues
                }
            }
        }
        if !unusable.isEmpty { throw CatalogError.schemaUnusable(unusable) }
        if !malformed.isEmpty { throw CatalogError.malformed(malformed + invalid) }
        if !invalid.isEmpty { throw CatalogError.schemaViolation(invalid) }

        func root(_ file: CatalogFile) throws(CatalogError) -> ElementReader {
            guard let r = roots[file] else { throw CatalogError.unreadable(file: file.fileName, reason: "not parsed") }
            guard r.element.namespace == CatalogFile.namespace else {
                throw r.issue("root element <\(r.element.name)> is not in namespace \(CatalogFile.namespace)")
            }
            return r
        }
        let catalog = Catalog(
            matrix: try root(.matrix).decode(SecurityMatrix.self),
            owasp: try root(.owasp).decode(OwaspTop10.self),
            atlas: try root(.atlas).decode(Atlas.self),
            mappings: try root(.mappings).decode(Mappings.self),
            policy: try root(.policy).decode(RiskPolicy.self),
            origin: origin)
        let issues = ReferenceChecker(catalog: catalog).check()
        if !issues.isEmpty { throw CatalogError.brokenReferences(issues) }
        return catalog
    }
}
