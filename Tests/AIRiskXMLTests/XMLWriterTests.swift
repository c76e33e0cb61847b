import AIRiskXML
import Foundation
import Testing

@Suite("XMLWriter")
struct XMLWriterTests {
    @Test("markup in text and attributes is escaped and round-trips")
    func escapes() throws {
        let hostile = #"<script>alert("x") & 'y'</script>"#
        let root = XMLElement("r", namespace: "urn:t", attributes: ["a": hostile], children: [.text(hostile)])
        let out = try XMLWriter.string(for: root)
        #expect(!out.contains("<script>"))
        let back = try XMLReader.parse(Data(out.utf8), fileName: "out.xml")
        #expect(back.root[attribute: "a"] == hostile)
        #expect(back.root.text == hostile)
        #expect(back.root.namespace == "urn:t")
    }

    @Test("characters XML 1.0 forbids are stripped so the output still parses")
    func stripsForbidden() throws {
        let nasty = "a\u{01}b\u{1B}c\u{FFFE}d\u{0}e"
        let root = XMLElement("r", attributes: ["v": nasty], children: [.text(nasty)])
        let data = try XMLWriter.data(for: root)
        let back = try XMLReader.parse(data, fileName: "out.xml")
        #expect(back.root.text == "abcde")
        #expect(back.root[attribute: "v"] == "abcde")
    }

    @Test("whitespace, newlines, carriage returns and non-ASCII survive a round trip")
    func preservesWhitespaceAndUnicode() throws {
        let s = "  line1\r\nline2\ttab 日本語 🙂 "
        let root = XMLElement("r", attributes: ["v": s], children: [.element(XMLElement("t", children: [.text(s)]))])
        let back = try XMLReader.parse(try XMLWriter.data(for: root), fileName: "out.xml")
        #expect(back.root[attribute: "v"] == s)
        #expect(back.root.element(named: "t")?.text == s)
    }

    @Test("child namespaces and namespaced attributes are declared")
    func namespaces() throws {
        var root = XMLElement("outer", namespace: "urn:one")
        var inner = XMLElement("inner", namespace: "urn:two")
        inner.attributes.append(XMLAttribute(name: "lang", namespace: XMLWriter.xmlNamespace, value: "ja"))
        inner.attributes.append(XMLAttribute(name: "k", namespace: "urn:attr", value: "v"))
        root.append(inner)
        root.append(XMLElement("plain", namespace: "urn:one"))
        let back = try XMLReader.parse(try XMLWriter.data(for: root), fileName: "ns.xml")
        #expect(back.root.namespace == "urn:one")
        let readInner = try #require(back.root.element(named: "inner"))
        #expect(readInner.namespace == "urn:two")
        #expect(readInner.attributes.contains { $0.name == "lang" && $0.namespace == XMLWriter.xmlNamespace })
        #expect(readInner.attributes.contains { $0.name == "k" && $0.namespace == "urn:attr" && $0.value == "v" })
        #expect(back.root.element(named: "plain")?.namespace == "urn:one")
    }

    @Test("invalid element names are refused rather than written")
    func refusesBadNames() {
        #expect(throws: XMLError.self) { try XMLWriter.data(for: XMLElement("1bad")) }
        let element = #expect(throws: XMLError.self) { try XMLWriter.data(for: XMLElement("a b")) }
        #expect(element == .unwritable(.invalidElementName("a b")))
        #expect(element?.description.contains("'a b' is not a valid XML element name") == true)
        let attribute = #expect(throws: XMLError.self) {
            try XMLWriter.data(for: XMLElement("r", attributes: ["x y": "1"]))
        }
        #expect(attribute == .unwritable(.invalidAttributeName("x y")))
        #expect(attribute?.description.contains("'x y' is not a valid XML attribute name") == true)
    }

    @Test("any string round-trips once forbidden characters are removed", arguments: 0..<200)
    func roundTripsArbitraryStrings(seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int(next() % 40) {
            let pick = next() % 4
            let value: UInt32 =
                switch pick {
                case 0: UInt32(next() % 0x80)
                case 1: UInt32(next() % 0x800)
                case 2: UInt32(0xE000 + next() % 0x2000)
                default: UInt32(0x10000 + next() % 0x1000)
                }
            if let s = Unicode.Scalar(value) { scalars.append(s) }
        }
        let s = String(scalars)
        let root = XMLElement("r", attributes: ["v": s], children: [.element(XMLElement("t", children: [.text(s)]))])
        let back = try XMLReader.parse(try XMLWriter.data(for: root), fileName: "p.xml")
        let expected = XMLWriter.sanitized(s)
        #expect(back.root[attribute: "v"] == expected)
        #expect(back.root.element(named: "t")?.text ?? "" == expected)
    }

    @Test("every write problem's message names its value")
    func writeProblemMessages() {
        let cases: [(XMLWriteProblem, String)] = [
            (.invalidElementName("1bad"), "'1bad'"), (.invalidAttributeName("xmlns"), "'xmlns'"),
            (.noMemory(what: "a buffer"), "a buffer"), (.writerFailed(step: "end document"), "end document"),
            (.libxml2(["first", "second"]), "first; second"), (.other(reason: "disk full"), "disk full"),
        ]
        for (problem, part) in cases {
            let text = XMLError.unwritable(problem).description
            #expect(text.hasPrefix("cannot write XML: ") && text.contains(part), "\(text)")
            #expect(XMLError.unwritable(problem).diagnostics.first?.message.contains(part) == true)
        }
    }
}
