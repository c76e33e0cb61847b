import Foundation
import Testing

@testable import AIRiskXML

/// Size and attribute-count ceilings checked before libxml2 parses (libxml2 2.9 takes minutes over
/// 300 000 attributes on one element: its duplicate check is quadratic).
@Suite("XML limits before parsing")
struct XMLLimitsTests {
    func document(attributes n: Int) -> Data {
        var s = "<?xml version=\"1.0\"?>\n<!-- a = b -->\n<root>\n  <e"
        for i in 0..<n { s += " a\(i)=\"x=y>\"" }
        s += "/>\n</root>\n"
        return Data(s.utf8)
    }

    @Test("300 000 attributes on one element are refused at once, naming the file and line")
    func manyAttributes() throws {
        let data = document(attributes: 300_000)
        let start = ContinuousClock.now
        do {
            _ = try XMLReader.parse(data, fileName: "hostile.xml")
            Issue.record("parsed")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.file == "hostile.xml" && d.line == 4)
            #expect(d.message.contains("more than 256 attributes"))
        }
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("up to the ceiling parses; quoted '=' and '>' and comments do not count")
    func atTheCeiling() throws {
        let doc = try XMLReader.parse(document(attributes: 256), fileName: "ok.xml")
        #expect(doc.root.name == "root")
        #expect(throws: XMLError.self) {
            _ = try XMLReader.parse(
                document(attributes: 11), fileName: "x.xml", limits: XMLLimits(maxAttributesPerElement: 10))
        }
    }

    @Test("documents and files beyond the size ceiling are refused before parsing or reading")
    func size() throws {
        let limits = XMLLimits(maxBytes: 100)
        let data = Data(("<root>" + String(repeating: "x", count: 200) + "</root>").utf8)
        do {
            _ = try XMLReader.parse(data, fileName: "big.xml", limits: limits)
            Issue.record("parsed")
        } catch {
            #expect("\(error)".contains("big.xml") && "\(error)".contains("more than the 100 bytes"))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-xml-limit-\(getpid()).xml")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try XMLReader.parse(contentsOf: url, limits: limits)
            Issue.record("parsed")
        } catch {
            #expect("\(error)".contains(url.path) && "\(error)".contains("the file is 213 bytes"))
        }
    }
}
