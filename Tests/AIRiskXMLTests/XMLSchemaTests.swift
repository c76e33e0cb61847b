import AIRiskXML
import Foundation
import Testing

@Suite("XMLSchema")
struct XMLSchemaTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func schema() throws -> XMLSchema {
        try XMLSchema(contentsOf: Self.fixtures.appendingPathComponent("sample.xsd"))
    }

    @Test("a valid document passes, resolving xs:include beside the schema")
    func validPasses() throws {
        let xml = #"<items xmlns="urn:airisk:test"><item id="AB12" score="0.5">x</item></items>"#
        #expect(try schema().validate(Data(xml.utf8), fileName: "ok.xml").isEmpty)
        try schema().check(Data(xml.utf8), fileName: "ok.xml")
    }

    @Test("every violation is reported with its line, not just the first")
    func collectsAllErrors() throws {
        let xml = """
            <items xmlns="urn:airisk:test">
              <item id="bad" score="0.5">x</item>
              <item id="CD34" score="high">y</item>
              <item score="1">z</item>
            </items>
            """
        let problems = try schema().validate(Data(xml.utf8), fileName: "bad.xml")
        let lines = Set(problems.map(\.line))
        #expect(lines.isSuperset(of: [2, 3, 4]), "got \(problems)")
        #expect(problems.allSatisfy { $0.file == "bad.xml" })
        #expect(throws: XMLError.self) { try schema().check(Data(xml.utf8), fileName: "bad.xml") }
    }

    @Test("a broken schema is reported as unusable")
    func brokenSchema() {
        let xsd =
            #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="nope"/></xs:schema>"#
        #expect {
            try XMLSchema(Data(xsd.utf8), fileName: "broken.xsd")
        } throws: { error in
            if case XMLError.schemaUnusable = error { return true }
            return false
        }
    }

    @Test("a schema can validate from several threads at once")
    func concurrentValidation() async throws {
        let s = try schema()
        let good = Data(#"<items xmlns="urn:airisk:test"><item id="AB12" score="1">x</item></items>"#.utf8)
        let bad = Data(#"<items xmlns="urn:airisk:test"><item id="zz" score="1">x</item></items>"#.utf8)
        let results = await withTaskGroup(of: (Bool, Int).self) { group in
            for i in 0..<32 {
                group.addTask { (i % 2 == 0, s.validate(i % 2 == 0 ? good : bad, fileName: "t\(i).xml").count) }
            }
            var out: [(Bool, Int)] = []
            for await r in group { out.append(r) }
            return out
        }
        for (isGood, count) in results { #expect(isGood ? count == 0 : count > 0) }
    }
}
