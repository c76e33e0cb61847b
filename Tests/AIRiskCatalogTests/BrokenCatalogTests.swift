import Foundation
import Testing

@testable import AIRiskCatalog

/// A copy of the repository's catalog in a fresh temporary directory, with one file edited.
struct BrokenCatalog {
    let directory: URL

    init(editing file: String, _ edit: (String) -> String) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("airisk-catalog-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repositoryCatalog, to: directory)
        let url = directory.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit must change \(file)")
        try edited.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The 1-based line of the first occurrence of `needle` in the edited file.
    func line(of needle: String, in file: String) throws -> Int {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(needle) })
        return index + 1
    }

    func load() -> CatalogError? {
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try Catalog.load(directory: directory)
            return nil
        } catch {
            return error
        }
    }
}

@Suite("Rejecting a broken catalog")
struct BrokenCatalogTests {
    @Test("a schema violation is reported with the file and line")
    func schemaViolation() throws {
        let broken = try BrokenCatalog(editing: "owasp-ml-top10-2023.xml") {
            $0.replacingOccurrences(
                of: "<detectability score=\"2\" label=\"Difficult\"/>",
                with: "<detectability score=\"7\" label=\"Difficult\"/>")
        }
        let line = try broken.line(of: "<detectability score=\"7\"", in: "owasp-ml-top10-2023.xml")
        let error = try #require(broken.load())
        guard case .schemaViolation(let issues) = error else {
            Issue.record("expected a schema violation, got \(error)")
            return
        }
        let issue = try #require(issues.first)
        #expect(issue.file.hasSuffix("owasp-ml-top10-2023.xml"))
        #expect(issue.line == line)
        #expect(error.description.contains("owasp-ml-top10-2023.xml:\(line):"))
    }

    @Test("a dangling ID is reported with the file, the line of the reference and the ID")
    func danglingReference() throws {
        let broken = try BrokenCatalog(editing: "mappings.xml") {
            $0.replacingOccurrences(of: "<atlas ref=\"AML.T0024.002\"/>", with: "<atlas ref=\"AML.T0024.009\"/>")
        }
        let line = try broken.line(of: "AML.T0024.009", in: "mappings.xml")
        let error = try #require(broken.load())
        guard case .brokenReferences(let issues) = error else {
            Issue.record("expected broken references, got \(error)")
            return
        }
        let issue = try #require(issues.first { $0.id == "AML.T0024.009" })
        #expect(issue.file.hasSuffix("mappings.xml"))
        #expect(issue.line == line)
        #expect(error.description.contains("mappings.xml:\(line):"))
        #expect(error.description.contains("AML.T0024.009"))
    }

    @Test("a reference across files to a missing defense names the matrix ID")
    func danglingDefense() throws {
        let broken = try BrokenCatalog(editing: "matrix.xml") {
            $0.replacingOccurrences(
                of: "<defense ref=\"def.strip\" status=\"inferred\"/>",
                with: "<defense ref=\"def.no-such-defense\" status=\"inferred\"/>")
        }
        let line = try broken.line(of: "def.no-such-defense", in: "matrix.xml")
        let error = try #require(broken.load())
        let issue = try #require(error.issues.first { $0.id == "def.no-such-defense" })
        #expect(issue.line == line)
        #expect(issue.file.hasSuffix("matrix.xml"))
    }

    @Test("a duplicate ID across files is rejected")
    func duplicateID() throws {
        let broken = try BrokenCatalog(editing: "mappings.xml") {
            $0.replacingOccurrences(of: "<probe id=\"membership\"", with: "<probe id=\"ML04\"")
        }
        let line = try broken.line(of: "<probe id=\"ML04\"", in: "mappings.xml")
        let error = try #require(broken.load())
        let issue = try #require(error.issues.first { $0.id == "ML04" && $0.message.contains("duplicate") })
        #expect(issue.line == line)
    }

    @Test("malformed XML is reported with the file and line")
    func malformed() throws {
        let broken = try BrokenCatalog(editing: "atlas.xml") {
            $0.replacingOccurrences(
                of: "<tactic id=\"AML.TA0003\" name=\"Resource Development\"/>",
                with: "<tactic id=\"AML.TA0003\" name=\"Resource Development\">")
        }
        let error = try #require(broken.load())
        guard case .malformed(let issues) = error else {
            Issue.record("expected malformed XML, got \(error)")
            return
        }
        let issue = try #require(issues.first)
        #expect(issue.file.hasSuffix("atlas.xml"))
        #expect(issue.line > 0)
        #expect(error.description.contains("atlas.xml:\(issue.line):"))
    }

    @Test("a factor score that is not an option of its factor is rejected")
    func badFactorScore() throws {
        let broken = try BrokenCatalog(editing: "policy-default.xml") {
            $0.replacingOccurrences(
                of: "<factorScore factor=\"motive\" score=\"9\">",
                with: "<factorScore factor=\"motive\" score=\"8\">")
        }
        let line = try broken.line(of: "<factorScore factor=\"motive\" score=\"8\">", in: "policy-default.xml")
        let error = try #require(broken.load())
        let issue = try #require(error.issues.first { $0.id == "motive" })
        #expect(issue.line == line)
    }

    @Test("metric bands with a gap are rejected")
    func bandGap() throws {
        let broken = try BrokenCatalog(editing: "policy-default.xml") {
            $0.replacingOccurrences(
                of: "<band from=\"0.05\" to=\"0.10\" score=\"4\"/>",
                with: "<band from=\"0.06\" to=\"0.10\" score=\"4\"/>")
        }
        let line = try broken.line(of: "<band from=\"0.06\"", in: "policy-default.xml")
        let error = try #require(broken.load())
        #expect(error.issues.contains { $0.line == line && $0.message.contains("previous") })
    }

    @Test("a missing catalog file is reported by name")
    func missingFile() throws {
        let broken = try BrokenCatalog(editing: "atlas.xml") { _ in "" }
        try FileManager.default.removeItem(at: broken.directory.appendingPathComponent("atlas.xml"))
        let error = try #require(broken.load())
        guard case .unreadable(let file, _) = error else {
            Issue.record("expected an unreadable file, got \(error)")
            return
        }
        #expect(file.hasSuffix("atlas.xml"))
    }
}

@Suite("Catalog directories without or with broken schemas")
struct CatalogSchemaSourceTests {
    @Test("a catalog directory without schema/ is validated against the bundled schemas")
    func bundledSchemaFallback() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-noschema-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repositoryCatalog, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("schema"))
        let catalog = try Catalog.load(directory: dir)
        #expect(catalog.owasp.risks.count == 10)
    }

    @Test("a broken XSD is reported as an unusable schema naming the schema file")
    func brokenSchema() throws {
        let broken = try BrokenCatalog(editing: "schema/atlas.xsd") {
            $0.replacingOccurrences(of: "type=\"c:TacticID\"", with: "type=\"c:NoSuchType\"")
        }
        let error = try #require(broken.load())
        guard case .schemaUnusable(let issues) = error else {
            Issue.record("expected an unusable schema, got \(error)")
            return
        }
        #expect(issues.contains { $0.file.hasSuffix("atlas.xsd") })
    }
}
