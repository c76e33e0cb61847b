import CLibXML2
import Foundation

/// Parses XML into ``XMLDocument`` values, reporting problems with file and line.
///
/// DTDs are refused: no airisk format uses one, and refusing them closes off external-entity and
/// entity-expansion attacks from files supplied by others.
public enum XMLReader {
    /// Parses `data`; `fileName` is only used in diagnostics.
    public static func parse(_ data: Data, fileName: String) throws(XMLError) -> XMLDocument {
        try withParsedDocument(data, fileName: fileName) { doc throws(XMLError) in
            guard let rootNode = xmlDocGetRootElement(doc) else {
                throw XMLError.malformed([XMLDiagnostic(file: fileName, line: 0, message: "document has no root element")])
            }
            return XMLDocument(root: convert(rootNode), fileName: fileName)
        }
    }

    /// Reads and parses the file at `url`.
    public static func parse(contentsOf url: URL) throws(XMLError) -> XMLDocument {
        try parse(readFile(url), fileName: url.path)
    }

    static func readFile(_ url: URL) throws(XMLError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "\(error.localizedDescription)"
            throw XMLError.unreadable(file: url.path, reason: reason)
        }
    }

    /// Parses into a libxml2 tree, hands it to `body`, and frees it. Everything libxml2 complains
    /// about becomes an ``XMLError/malformed(_:)``.
    static func withParsedDocument<T>(
        _ data: Data, fileName: String, _ body: (xmlDocPtr) throws(XMLError) -> T
    ) throws(XMLError) -> T {
        let parsed: Result<T, XMLError> = LibXML.collectingErrors(file: fileName) { collector in
            guard let ctxt = xmlNewParserCtxt() else {
                return .failure(.unreadable(file: fileName, reason: "libxml2 could not allocate a parser"))
            }
            defer { xmlFreeParserCtxt(ctxt) }
            let doc: xmlDocPtr? = data.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0, raw.count <= Int(Int32.max) else { return nil }
                return xmlCtxtReadMemory(
                    ctxt, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), fileName, nil,
                    LibXML.parseOptions)
            }
            guard let doc else {
                var d = collector.diagnostics
                if data.isEmpty { d.append(XMLDiagnostic(file: fileName, line: 0, message: "file is empty")) }
                if data.count > Int(Int32.max) {
                    d.append(XMLDiagnostic(file: fileName, line: 0, message: "file is larger than 2 GiB"))
                }
                if d.isEmpty { d.append(XMLDiagnostic(file: fileName, line: 0, message: "not well-formed XML")) }
                return .failure(.malformed(d))
            }
            defer { xmlFreeDoc(doc) }
            if ctxt.pointee.wellFormed == 0 || !collector.diagnostics.isEmpty {
                return .failure(.malformed(collector.diagnostics))
            }
            if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
                let line = doc.pointee.intSubset.map { Int(xmlGetLineNo(UnsafeMutableRawPointer($0).assumingMemoryBound(to: xmlNode.self))) } ?? 0
                return .failure(
                    .malformed([
                        XMLDiagnostic(
                            file: fileName, line: max(line, 1),
                            message: "DOCTYPE declarations are not allowed (DTDs and entities are disabled for safety)")
                    ]))
            }
            return Result { () throws(XMLError) in try body(doc) }
        }
        return try parsed.get()
    }

    /// Copies a libxml2 element subtree into Swift values.
    static func convert(_ node: xmlNodePtr) -> XMLElement {
        let name = LibXML.string(node.pointee.name) ?? ""
        let namespace = node.pointee.ns.flatMap { LibXML.string($0.pointee.href) }
        var attributes: [XMLAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            let attrName = LibXML.string(a.pointee.name) ?? ""
            let attrNS = a.pointee.ns.flatMap { LibXML.string($0.pointee.href) }
            var value = ""
            if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: v)
                LibXML.free(v)
            }
            attributes.append(XMLAttribute(name: attrName, namespace: attrNS, value: value))
            attr = a.pointee.next
        }
        var children: [XMLNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(convert(c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = LibXML.string(c.pointee.content) {
                    if case .text(let previous) = children.last {
                        children[children.count - 1] = .text(previous + content)
                    } else {
                        children.append(.text(content))
                    }
                }
            default:
                break
            }
            child = c.pointee.next
        }
        // Indentation between child elements is layout, not content.
        if children.contains(where: { if case .element = $0 { true } else { false } }) {
            children.removeAll {
                if case .text(let t) = $0 { t.allSatisfy(\.isWhitespace) } else { false }
            }
        }
        return XMLElement(
            name: name, namespace: namespace, orderedAttributes: attributes, children: children,
            line: Int(xmlGetLineNo(node)))
    }
}
