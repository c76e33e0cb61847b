import Foundation
import Testing

@testable import AIRiskCatalog

/// The catalog folder of the repository (`Sources/AIRiskCatalog/Resources`), found from this file so tests run from any working directory.
let repositoryCatalog = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/AIRiskCatalog/Resources")

@Suite("Loading the catalog")
struct CatalogLoadTests {
    @Test("the bundled catalog validates against its schemas and every reference resolves")
    func bundledCatalogLoads() throws {
        let catalog = try Catalog.bundled()
        #expect(catalog.origin == "<bundled>")
        #expect(catalog.matrix.stages.count == 3)
        #expect(catalog.matrix.classes.count == 5)
        #expect(catalog.owasp.risks.map(\.id) == (1...10).map { String(format: "ML%02d", $0) })
        #expect(catalog.atlas.version == "5.6.0")
        #expect(catalog.mappings.probes.map(\.id) == ["membership", "inversion", "extraction"])
    }

    @Test("the catalog directory of the repository loads the same catalog as the bundled copy")
    func directoryCatalogLoads() throws {
        let fromDisk = try Catalog.load(directory: repositoryCatalog)
        let bundled = try Catalog.bundled()
        #expect(fromDisk.entries.map(\.id) == bundled.entries.map(\.id))
        #expect(fromDisk.origin == repositoryCatalog.path)
    }

    @Test("every catalog document and schema in Sources/AIRiskCatalog/Resources is compiled in, byte for byte")
    func bundledCopyIsInSync() throws {
        var onDisk: [String: String] = [:]
        let schemaDir = repositoryCatalog.appendingPathComponent("schema")
        for (dir, prefix, ext) in [(repositoryCatalog, "", "xml"), (schemaDir, "schema/", "xsd")] {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix("." + ext) {
                onDisk[prefix + name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            }
        }
        #expect(
            Set(onDisk.keys) == Set(BundledCatalogFiles.files.keys),
            "BundledCatalogFiles.files does not list every catalog document and schema")
        for (name, text) in onDisk {
            #expect(
                BundledCatalogFiles.files[name] == text,
                "\(name) differs from its bundled copy")
        }
    }
}
