import AIRiskXML
import Foundation
import PropertyBased
import Testing

/// Any Unicode string, once ``XMLWriter/sanitized(_:)`` has removed what XML 1.0 cannot carry, survives
/// XMLWriter → XMLReader unchanged, as element text and as attribute value.
@Suite("XMLWriter round trip (property-based)")
struct XMLWriterPropertyTests {
    /// Any scalar, biased towards markup, whitespace, controls and the edges of the allowed ranges.
    static let scalar = Gen.frequency(
        (4, Gen<UInt32>.value(in: 0...0x10FFFF).eraseToAnySequence()),
        (3, Gen<UInt32?>.element(of: Array("<>&'\"\t\n\r ]]>".unicodeScalars.map(\.value)))
            .map { $0 ?? 0x20 }.eraseToAnySequence()),
        (2, Gen<UInt32>.value(in: 0...0x20).eraseToAnySequence()),
        (1, Gen<UInt32?>.element(of: [UInt32](arrayLiteral: 0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF))
            .map { $0 ?? 0x20 }.eraseToAnySequence())
    ).compactMap { Unicode.Scalar($0) }

    static let strings = scalar.array(of: 0...40).map { scalars -> String in
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    @Test("any string round-trips as text and as an attribute after sanitisation")
    func roundTrip() async {
        await propertyCheck(count: 300, input: Self.strings, Self.strings) { text, attribute in
            let root = XMLElement(
                "r", namespace: "urn:t", attributes: ["a": attribute],
                children: [.element(XMLElement("t", children: [.text(text)]))])
            do {
                let data = try XMLWriter.data(for: root)
                let doc = try XMLReader.parse(data, fileName: "roundtrip.xml")
                #expect(doc.root[attribute: "a"] == XMLWriter.sanitized(attribute))
                #expect(doc.root.elements(named: "t").first?.text == XMLWriter.sanitized(text))
            } catch {
                Issue.record(
                    "\(error) for text \(Array(text.unicodeScalars)) attribute \(Array(attribute.unicodeScalars))")
            }
        }
    }
}
