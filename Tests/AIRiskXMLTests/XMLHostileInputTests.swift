import AIRiskXML
import Foundation
import Testing

/// XXE, billion laughs, external DTDs, schema includes that escape their directory, deep nesting.
@Suite("XML hostile inputs", .serialized)
struct XMLHostileInputTests {
    /// A temporary directory holding a secret file whose unique content must never surface.
    struct Secret {
        let directory: URL
        let file: URL
        let marker: String

        init() throws {
            directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("airisk-xxe-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            marker = "SECRET-\(UUID().uuidString)"
            file = directory.appendingPathComponent("secret.txt")
            try Data(marker.utf8).write(to: file)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    func expectRefusedDoctype(_ xml: String, secret: Secret, sourceLocation: SourceLocation = #_sourceLocation) {
        let allowedBefore = ExternalEntityGuard.allowedCount
        do {
            let doc = try XMLReader.parse(Data(xml.utf8), fileName: "hostile.xml")
            Issue.record("hostile document was accepted: \(doc.root)", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)".contains("DOCTYPE"), sourceLocation: sourceLocation)
            #expect(!"\(error)".contains(secret.marker), sourceLocation: sourceLocation)
        }
        // The parser stopped at the DOCTYPE: libxml2 did not even ask for the file (the directory name is unique).
        #expect(ExternalEntityGuard.allowedCount == allowedBefore, sourceLocation: sourceLocation)
        #expect(
            !ExternalEntityGuard.refusedURLs.contains { $0.contains(secret.directory.lastPathComponent) },
            sourceLocation: sourceLocation)
    }

    @Test("an XXE entity pointing at a local file is refused and the file never surfaces")
    func xxeFileEntity() throws {
        let secret = try Secret()
        defer { secret.remove() }
        expectRefusedDoctype(
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY e SYSTEM "\(secret.file.absoluteString)">]>
            <r>&e;</r>
            """, secret: secret)
        expectRefusedDoctype(
            """
            <!DOCTYPE r [<!ENTITY % p SYSTEM "\(secret.file.absoluteString)"> %p;]>
            <r a="x">y</r>
            """, secret: secret)
        expectRefusedDoctype(#"<!DOCTYPE r SYSTEM "\#(secret.file.path)"><r/>"#, secret: secret)
        expectRefusedDoctype(#"<!DOCTYPE r PUBLIC "-//X//Y" "http://127.0.0.1:9/x.dtd"><r/>"#, secret: secret)
    }

    @Test("a billion-laughs document is refused before any expansion")
    func billionLaughs() throws {
        let secret = try Secret()
        defer { secret.remove() }
        var entities = #"<!ENTITY lol0 "lollollollollollollollollollol">"#
        for i in 1...9 {
            entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
        }
        expectRefusedDoctype("<?xml version=\"1.0\"?><!DOCTYPE r [\(entities)]><r>&lol9;</r>", secret: secret)
        expectRefusedDoctype("<!DOCTYPE r [\(entities)]><r a=\"&lol9;\"/>", secret: secret)
    }

    @Test("an undeclared entity reference is malformed, not resolved")
    func undeclaredEntity() {
        #expect(throws: XMLError.self) { try XMLReader.parse(Data("<r>&ext;</r>".utf8), fileName: "u.xml") }
    }

    @Test("libxml2's own external loader refuses local files and network URLs")
    func loaderRefusesOutsideSchemaCompilation() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let before = ExternalEntityGuard.refusedCount
        #expect(!ExternalEntityGuard.libxml2WouldOpen(secret.file.absoluteString))
        #expect(!ExternalEntityGuard.libxml2WouldOpen(secret.file.path))
        #expect(!ExternalEntityGuard.libxml2WouldOpen("http://127.0.0.1:9/x.xsd"))
        #expect(ExternalEntityGuard.refusedCount >= before + 3)
        #expect(ExternalEntityGuard.refusedURLs.contains(secret.file.path))
    }

    @Test("during schema compilation only .xsd files inside the schema's directory may be opened")
    func loaderAllowsOnlySchemaSiblings() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let schemaDir = secret.directory.appendingPathComponent("schemas")
        try FileManager.default.createDirectory(at: schemaDir, withIntermediateDirectories: true)
        let main = schemaDir.appendingPathComponent("main.xsd")
        let sibling = schemaDir.appendingPathComponent("types.xsd")
        let outside = secret.directory.appendingPathComponent("outside.xsd")
        for url in [main, sibling, outside] { try Data("<x/>".utf8).write(to: url) }

        #expect(ExternalEntityGuard.libxml2WouldOpen(sibling.path, asSchemaIncludeBeside: main))
        #expect(ExternalEntityGuard.libxml2WouldOpen(sibling.absoluteString, asSchemaIncludeBeside: main))
        #expect(!ExternalEntityGuard.libxml2WouldOpen(outside.path, asSchemaIncludeBeside: main))
        #expect(
            !ExternalEntityGuard.libxml2WouldOpen(
                schemaDir.path + "/../outside.xsd", asSchemaIncludeBeside: main))
        #expect(!ExternalEntityGuard.libxml2WouldOpen(secret.file.path, asSchemaIncludeBeside: main))
        #expect(!ExternalEntityGuard.libxml2WouldOpen("http://127.0.0.1:9/types.xsd", asSchemaIncludeBeside: main))
        // A symlink inside the directory that points outside it is followed, then refused.
        let link = schemaDir.appendingPathComponent("link.xsd")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        #expect(!ExternalEntityGuard.libxml2WouldOpen(link.path, asSchemaIncludeBeside: main))
    }

    @Test("a schema whose xs:include escapes its directory is unusable and the file is never read")
    func schemaIncludeEscape() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let schemaDir = secret.directory.appendingPathComponent("schemas")
        try FileManager.default.createDirectory(at: schemaDir, withIntermediateDirectories: true)
        let leaked = secret.directory.appendingPathComponent("leak.xsd")
        try Data(
            """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="\(secret.marker)"/>
            </xs:schema>
            """.utf8
        ).write(to: leaked)
        let main = schemaDir.appendingPathComponent("main.xsd")
        let xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="../leak.xsd"/>
              <xs:include schemaLocation="\(secret.file.absoluteString)"/>
            </xs:schema>
            """
        try Data(xsd.utf8).write(to: main)
        let before = ExternalEntityGuard.refusedCount
        // libxml2 may report an unloadable include as an error or only a warning; either way the
        // secret's element must not be part of the compiled schema.
        if let schema = try? XMLSchema(contentsOf: main) {
            let problems = schema.validate(Data("<\(secret.marker)/>".utf8), fileName: "probe.xml")
            #expect(!problems.isEmpty, "the included element leaked into the schema")
        }
        #expect(ExternalEntityGuard.refusedCount >= before + 1)
        #expect(ExternalEntityGuard.refusedURLs.contains { $0.hasSuffix("leak.xsd") })
    }

    @Test("nesting deeper than 256 elements is refused; 200 levels are fine")
    func nestingDepth() throws {
        let ok = String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)
        #expect(try XMLReader.parse(Data(ok.utf8), fileName: "ok.xml").root.name == "a")
        let deep = String(repeating: "<a>", count: 20_000) + String(repeating: "</a>", count: 20_000)
        #expect {
            try XMLReader.parse(Data(deep.utf8), fileName: "deep.xml")
        } throws: { error in
            "\(error)".contains("deep.xml") && "\(error)".lowercased().contains("depth")
        }
    }
}
