import AIRiskSupport
import AIRiskXML
import Foundation

/// The risk catalog: the AI Security Matrix, OWASP ML Top 10 2023, MITRE ATLAS, airisk's mappings and the
/// default risk policy, validated against their XSDs and with every cross-reference resolved.
package struct Catalog: Sendable {
    package var matrix: SecurityMatrix
    package var owasp: OwaspTop10
    package var atlas: Atlas
    package var mappings: Mappings
    package var policy: RiskPolicy
    /// Where the catalog was loaded from: a directory path, or `<bundled>`.
    package var origin: String
    /// Every entry with an ID, in catalog order (matrix, OWASP, ATLAS, probes, measurable defenses).
    package let entries: [CatalogEntry]
    private let index: [String: Int]

    init(
        matrix: SecurityMatrix, owasp: OwaspTop10, atlas: Atlas, mappings: Mappings, policy: RiskPolicy,
        origin: String
    ) {
        self.matrix = matrix
        self.owasp = owasp
        self.atlas = atlas
        self.mappings = mappings
        self.policy = policy
        self.origin = origin
        var entries: [CatalogEntry] = []
        entries += matrix.stages.map(CatalogEntry.stage)
        entries += matrix.classes.map(CatalogEntry.attackClass)
        entries += matrix.techniques.map(CatalogEntry.technique)
        entries += matrix.defenses.map(CatalogEntry.defense)
        entries += owasp.risks.map(CatalogEntry.owaspRisk)
        entries += atlas.tactics.map(CatalogEntry.atlasTactic)
        entries += atlas.techniques.map(CatalogEntry.atlasTechnique)
        entries += atlas.mitigations.map(CatalogEntry.atlasMitigation)
        entries += mappings.probes.map(CatalogEntry.probe)
        entries += mappings.measurableDefenses.map(CatalogEntry.measurableDefense)
        self.entries = entries
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() where index[entry.id] == nil { index[entry.id] = i }
        self.index = index
    }

    /// Loads the catalog in `directory`: each document is validated against the XSD of the same name in
    /// `directory/schema/` (or, when that folder lacks it, the bundled XSD), then every cross-reference is checked.
    /// Errors name the file, the line and the offending ID.
    package static func load(directory: URL) throws(CatalogError) -> Catalog {
        var documents: [CatalogFile: CatalogSource] = [:]
        var schemas: [CatalogFile: CatalogSource] = [:]
        for file in CatalogFile.allCases {
            let docURL = directory.appendingPathComponent(file.fileName)
            documents[file] = CatalogSource(name: docURL.path, data: try read(docURL))
            let schemaURL = directory.appendingPathComponent(file.schemaName)
            if FileManager.default.fileExists(atPath: schemaURL.path) {
                schemas[file] = CatalogSource(name: schemaURL.path, data: try read(schemaURL), baseURL: schemaURL)
            } else if let text = BundledCatalogFiles.files[file.schemaName] {
                schemas[file] = CatalogSource(name: "<bundled>/" + file.schemaName, data: Data(text.utf8))
            } else {
                throw CatalogError.unreadable(file: schemaURL.path, reason: "no such schema")
            }
        }
        return try CatalogLoader.load(documents: documents, schemas: schemas, origin: directory.path)
    }

    /// The catalog compiled into the binary (`Resources/`, embedded at build time by SwiftPM), so it works
    /// from any working directory and from an installed binary. Loaded and checked once per process.
    package static func bundled() throws(CatalogError) -> Catalog {
        try bundledResult.get()
    }

    private static let bundledResult: Result<Catalog, CatalogError> = Result { () throws(CatalogError) in
        let (documents, schemas) = try bundledSources()
        return try CatalogLoader.load(documents: documents, schemas: schemas, origin: "<bundled>")
    }

    /// The documents and schemas compiled into the binary.
    static func bundledSources() throws(CatalogError) -> (
        documents: [CatalogFile: CatalogSource], schemas: [CatalogFile: CatalogSource]
    ) {
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
        return (documents, schemas)
    }

    static func read(_ url: URL) throws(CatalogError) -> Data {
        if let problem = RegularFile.problem(at: url.path) {
            throw CatalogError.unreadable(file: url.path, reason: problem)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw CatalogError.unreadable(
                file: url.path, reason: "missing or unreadable (\(error.localizedDescription))")
        }
    }

    /// The entry with this ID (exact match first, then ignoring case): `ML03`, `AML.T0024.001`, `AML.M0002`,
    /// `tech.fgsm`, `def.label-only`, `membership`, `stage.deployment`, `class.data-theft`, `mdef.round`, ...
    package func entry(id: String) -> CatalogEntry? {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        if let i = index[trimmed] { return entries[i] }
        let lower = trimmed.lowercased()
        return entries.first { $0.id.lowercased() == lower }
    }

    /// Entries of one kind, in catalog order.
    package func entries(of kind: CatalogEntryKind) -> [CatalogEntry] {
        entries.filter { $0.kind == kind }
    }

    // MARK: Typed lookups

    package func stage(_ id: String) -> Stage? { matrix.stages.first { $0.id == id } }
    package func attackClass(_ id: String) -> AttackClass? { matrix.classes.first { $0.id == id } }
    package func technique(_ id: String) -> Technique? { matrix.techniques.first { $0.id == id } }
    package func defense(_ id: String) -> Defense? { matrix.defenses.first { $0.id == id } }
    package func owaspRisk(_ id: String) -> OwaspRisk? { owasp.risks.first { $0.id == id } }
    package func atlasTactic(_ id: String) -> AtlasTactic? { atlas.tactics.first { $0.id == id } }
    package func atlasTechnique(_ id: String) -> AtlasTechnique? { atlas.techniques.first { $0.id == id } }
    package func atlasMitigation(_ id: String) -> AtlasMitigation? { atlas.mitigations.first { $0.id == id } }
    package func probe(_ id: String) -> Probe? { mappings.probes.first { $0.id == id } }
    package func measurableDefense(_ id: String) -> MeasurableDefense? {
        mappings.measurableDefenses.first { $0.id == id }
    }
    package func defenseMapping(for defense: String) -> DefenseMapping? {
        mappings.defenseMappings.first { $0.defense == defense }
    }
    package func classMapping(for attackClass: String) -> ClassMapping? {
        mappings.classMappings.first { $0.attackClass == attackClass }
    }

    // MARK: Relations

    /// Probes that report under an OWASP risk.
    package func probes(owasp id: String) -> [Probe] {
        mappings.probes.filter { $0.owasp.contains { $0.ref == id } }
    }

    /// Probes that report under an ATLAS technique (or under a sub-technique of it).
    package func probes(atlasTechnique id: String) -> [Probe] {
        mappings.probes.filter { $0.atlas.contains { $0.ref == id || $0.ref.hasPrefix(id + ".") } }
    }

    /// Probes that implement a matrix technique.
    package func probes(technique id: String) -> [Probe] {
        mappings.probes.filter { $0.techniques.contains { $0.ref == id } }
    }

    /// Matrix techniques that a defense counters.
    package func techniques(counteredBy defense: String) -> [Technique] {
        matrix.techniques.filter { $0.defenses.contains { $0.ref == defense } }
    }

    /// The matrix defenses relevant to a probe: those its cell lists, then those linked from its techniques.
    package func defenses(forProbe probe: Probe) -> [Defense] {
        var ids: [String] = matrix.defenses(inClass: probe.attackClass).map(\.id)
        for ref in probe.techniques {
            for link in technique(ref.ref)?.defenses ?? [] where !ids.contains(link.ref) { ids.append(link.ref) }
        }
        return ids.compactMap { defense($0) }
    }

    /// The measurable defenses that implement a matrix defense.
    package func measurableDefenses(implementing defense: String) -> [MeasurableDefense] {
        mappings.measurableDefenses.filter { $0.implements.contains { $0.ref == defense } }
    }

    /// Matrix defenses mapped to an ATLAS mitigation.
    package func defenses(mappedTo mitigation: String) -> [Defense] {
        mappings.defenseMappings.filter { $0.mitigations.contains { $0.ref == mitigation } }.compactMap {
            defense($0.defense)
        }
    }
}
