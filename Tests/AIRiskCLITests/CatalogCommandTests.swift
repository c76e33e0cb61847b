import AIRiskCatalog
import Foundation
import Testing

@testable import AIRiskCLI

@Suite("The catalog commands")
struct CatalogCommandTests {
    private var repositoryCatalog: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/AIRiskCatalog/Resources")
    }

    @Test("the catalog group and its three commands parse")
    func parsing() throws {
        let matrix = try AIRiskCommand.parseAsRoot(["catalog", "matrix", "--lang", "ja", "--format", "json"])
        let m = try #require(matrix as? CatalogMatrixCommand)
        #expect(m.lang == .ja)
        #expect(m.options.format == .json)
        let show = try #require(try AIRiskCommand.parseAsRoot(["catalog", "show", "ML03"]) as? CatalogShowCommand)
        #expect(show.id == "ML03")
        let list = try #require(
            try AIRiskCommand.parseAsRoot(["catalog", "list", "--kind", "atlas-mitigation"]) as? CatalogListCommand)
        #expect(list.kind == .atlasMitigation)
    }

    @Test("--catalog DIR loads that directory")
    func catalogOverride() throws {
        let show = try #require(
            try AIRiskCommand.parseAsRoot(["catalog", "show", "ML03", "--catalog", repositoryCatalog.path])
                as? CatalogShowCommand)
        let catalog = try show.options.load()
        #expect(catalog.origin == repositoryCatalog.path)
    }

    @Test("--catalog DIR with a broken file fails naming the file and line")
    func brokenOverride() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repositoryCatalog, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mappings.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "<owasp ref=\"ML05\"/>", with: "<owasp ref=\"ML11\"/>")
            .write(to: file, atomically: true, encoding: .utf8)
        let command = try #require(
            try AIRiskCommand.parseAsRoot(["catalog", "list", "--catalog", dir.path]) as? CatalogListCommand)
        #expect {
            _ = try command.options.load()
        } throws: { error in
            let description = String(describing: error)
            return description.contains("mappings.xml:") && description.contains("ML11")
        }
    }
}

@Suite("Unknown catalog IDs")
struct CatalogLookupErrorTests {
    @Test("an unknown ID suggests IDs that contain it")
    func suggestions() throws {
        let catalog = try Catalog.bundled()
        let error = CatalogLookupError(id: "T0024", in: catalog)
        #expect(error.suggestions.contains("AML.T0024.002"))
        #expect(error.description.contains("did you mean"))
        #expect(CatalogLookupError(id: "zzz", in: catalog).description.contains("airisk catalog list"))
    }
}
