import AIRiskSupport
import CLibXML2
import Foundation

/// Serialises ``XMLElement`` trees as UTF-8 XML through libxml2's writer.
///
/// Markup characters are escaped by libxml2. Characters that XML 1.0 forbids (C0 controls other
/// than tab, newline and carriage return; U+FFFE and U+FFFF) are stripped first: libxml2 would pass
/// them through and the result would no longer parse. Namespaces are declared where an element's
/// namespace first differs from its parent's, as the default namespace; namespaced attributes get
/// generated prefixes (`xml:` is built in). The control characters XML allows (DEL, C1, bidirectional
/// overrides) are written as character references, never as raw bytes.
package enum XMLWriter {
    package static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The serialised document (with an XML declaration when `prologue` is true).
    package static func data(for root: XMLElement, prologue: Bool = true) throws(XMLError) -> Data {
        let result: Result<Data, XMLError> = LibXML.collectingErrors(file: "<output>") { collector in
            guard let buffer = xmlBufferCreate() else { return .failure(.unwritable(.noMemory(what: "a buffer"))) }
            defer { xmlBufferFree(buffer) }
            guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
                return .failure(.unwritable(.noMemory(what: "a writer")))
            }
            var session = WriterSession(writer: writer)
            let outcome: Result<Void, XMLError> = Result { () throws(XMLError) in
                xmlTextWriterSetIndent(writer, 1)
                _ = "  ".withCString {
                    xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
                }
                if prologue {
                    try session.check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
                }
                try session.write(root, inheritedNamespace: nil)
                try session.check(xmlTextWriterEndDocument(writer), "end document")
            }
            xmlFreeTextWriter(writer)
            if case .failure(let e) = outcome { return .failure(e) }
            if !collector.diagnostics.isEmpty {
                return .failure(.unwritable(.libxml2(collector.diagnostics.map(\.message))))
            }
            guard let content = xmlBufferContent(buffer) else { return .success(Data()) }
            return .success(Data(bytes: content, count: Int(xmlBufferLength(buffer))))
        }
        return try result.get()
    }

    /// The serialised document as a string.
    package static func string(for root: XMLElement, prologue: Bool = true) throws(XMLError) -> String {
        String(decoding: try data(for: root, prologue: prologue), as: UTF8.self)
    }

    /// `text` with every character XML 1.0 cannot carry removed.
    package static func sanitized(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isAllowed) { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// Whether XML 1.0 allows this character (production [2] Char).
    package static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Whether `name` is a valid XML local name (no colon).
    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        func isStart(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
                0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
                0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
                true
            default: false
            }
        }
        func isChar(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
            default: isStart(c)
            }
        }
        return isStart(first) && name.unicodeScalars.dropFirst().allSatisfy(isChar)
    }
}

/// The state of one serialisation: the writer and the attribute-namespace prefixes in scope.
private struct WriterSession {
    let writer: xmlTextWriterPtr
    var prefixes: [String: String] = [XMLWriter.xmlNamespace: "xml"]
    var nextPrefix = 1

    init(writer: xmlTextWriterPtr) {
        self.writer = writer
    }

    func check(_ rc: Int32, _ what: String) throws(XMLError) {
        if rc < 0 { throw XMLError.unwritable(.writerFailed(step: what)) }
    }

    mutating func write(_ element: XMLElement, inheritedNamespace: String?) throws(XMLError) {
        guard XMLWriter.isValidName(element.name) else {
            throw XMLError.unwritable(.invalidElementName(element.name))
        }
        try check(xmlTextWriterStartElement(writer, element.name), "start element \(element.name)")
        if element.namespace != inheritedNamespace {
            try check(
                xmlTextWriterWriteAttribute(writer, "xmlns", XMLWriter.sanitized(element.namespace ?? "")),
                "declare namespace")
        }
        let saved = prefixes
        for attribute in element.attributes {
            guard XMLWriter.isValidName(attribute.name), attribute.name != "xmlns" else {
                throw XMLError.unwritable(.invalidAttributeName(attribute.name))
            }
            var qualified = attribute.name
            if let ns = attribute.namespace {
                let prefix: String
                if let known = prefixes[ns] {
                    prefix = known
                } else {
                    prefix = "ns\(nextPrefix)"
                    nextPrefix += 1
                    prefixes[ns] = prefix
                    try check(
                        xmlTextWriterWriteAttribute(writer, "xmlns:" + prefix, XMLWriter.sanitized(ns)),
                        "declare prefix")
                }
                qualified = prefix + ":" + attribute.name
            }
            try check(xmlTextWriterStartAttribute(writer, qualified), "write attribute \(attribute.name)")
            try writeContent(attribute.value)
            try check(xmlTextWriterEndAttribute(writer), "write attribute \(attribute.name)")
        }
        for child in element.children {
            switch child {
            case .element(let e):
                try write(e, inheritedNamespace: element.namespace)
            case .text(let t):
                try writeContent(t)
            }
        }
        // Full end tags keep empty text elements round-tripping as empty strings.
        try check(xmlTextWriterFullEndElement(writer), "end element \(element.name)")
        prefixes = saved
    }

    /// Writes text content or an attribute value: what XML 1.0 cannot carry is dropped
    /// (``XMLWriter/sanitized(_:)``); the control characters it allows (DEL, C1 controls, bidirectional
    /// overrides) go out as character references, so no raw control byte reaches the file and the value
    /// reads back unchanged.
    func writeContent(_ text: String) throws(XMLError) {
        let clean = XMLWriter.sanitized(text)
        var run = String.UnicodeScalarView()
        for scalar in clean.unicodeScalars {
            guard scalar.value >= 0x7F, ControlCharacters.isControl(scalar) else {
                run.append(scalar)
                continue
            }
            if !run.isEmpty {
                try check(xmlTextWriterWriteString(writer, String(run)), "write text")
                run = String.UnicodeScalarView()
            }
            let reference = "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
            try check(xmlTextWriterWriteRaw(writer, reference), "write a character reference")
        }
        if !run.isEmpty || clean.isEmpty {
            try check(xmlTextWriterWriteString(writer, String(run)), "write text")
        }
    }
}
