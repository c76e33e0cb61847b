import AIRiskXML
import Foundation
import Testing

@Suite("XMLReader")
struct XMLReaderTests {
    @Test("parses elements, attributes, namespaces, text and line numbers")
    func parsesTree() throws {
        let xml = """
            <?xml version="1.0"?>
            <root xmlns="urn:a" version="2">
              <child id="x">hello &amp; goodbye</child>
              <child id="y"><![CDATA[<raw>]]></child>
            </root>
            """
        let doc = try XMLReader.parse(Data(xml.utf8), fileName: "t.xml")
        #expect(doc.root.name == "root")
        #expect(doc.root.namespace == "urn:a")
        #expect(doc.root[attribute: "version"] == "2")
        let children = doc.root.elements(named: "child")
        #expect(children.count == 2)
        #expect(children[0].text == "hello & goodbye")
        #expect(children[0].line == 3)
        #expect(children[1].text == "<raw>")
        #expect(children[1].namespace == "urn:a")
        #expect(doc.root.children.count == 2, "indentation between elements is dropped")
    }

    @Test("malformed XML names the file and the line of the error")
    func malformedReportsLine() {
        let xml = "<a>\n<b>\n</a>\n"
        #expect {
            try XMLReader.parse(Data(xml.utf8), fileName: "broken.xml")
        } throws: { error in
            guard case XMLError.malformed(let d) = error else { return false }
            return d.contains { $0.file == "broken.xml" && $0.line == 3 }
                && "\(error)".contains("broken.xml:3:")
        }
    }

    @Test("empty and missing files are rejected with their name")
    func emptyAndMissing() {
        #expect(throws: XMLError.self) { try XMLReader.parse(Data(), fileName: "empty.xml") }
        let missing = URL(fileURLWithPath: "/nonexistent/airisk/none.xml")
        #expect {
            try XMLReader.parse(contentsOf: missing)
        } throws: { error in
            guard case XMLError.unreadable(let file, _) = error else { return false }
            return file == missing.path
        }
    }

    @Test("a DOCTYPE (and with it any entity trick) is refused")
    func refusesDoctype() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <r>&e;</r>
            """
        #expect {
            try XMLReader.parse(Data(xxe.utf8), fileName: "xxe.xml")
        } throws: { error in
            "\(error)".contains("DOCTYPE")
        }
    }
}
