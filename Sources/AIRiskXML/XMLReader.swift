import AIRiskSupport
import CLibXML2
import Foundation

/// Parses XML into ``XMLDocument`` values, reporting problems with file and line.
///
/// DTDs are refused: no airisk format uses one, and refusing them closes off external-entity and
/// entity-expansion attacks from files supplied by others.
package enum XMLReader {
    /// Parses `data`; `fileName` is only used in diagnostics. A document beyond `limits` (size,
    /// attributes per element) is refused before libxml2 parses it.
    package static func parse(_ data: Data, fileName: String, limits: XMLLimits = .standard) throws(XMLError)
        -> XMLDocument
    {
        try withParsedDocument(data, fileName: fileName, limits: limits) { doc throws(XMLError) in
            guard let rootNode = xmlDocGetRootElement(doc) else {
                throw XMLError.malformed([
                    XMLDiagnostic(file: fileName, line: 0, message: "document has no root element")
                ])
            }
            return XMLDocument(root: try convert(rootNode, depth: 1, fileName: fileName), fileName: fileName)
        }
    }

    /// Reads and parses the file at `url`; a file larger than ``XMLLimits/maxBytes`` is refused
    /// before it is read.
    package static func parse(contentsOf url: URL, limits: XMLLimits = .standard) throws(XMLError) -> XMLDocument {
        try parse(readFile(url, limits: limits), fileName: url.path, limits: limits)
    }

    static func readFile(_ url: URL, limits: XMLLimits = .standard) throws(XMLError) -> Data {
        if let problem = RegularFile.problem(at: url.path) {
            throw XMLError.unreadable(file: url.path, reason: problem)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? UInt64,
            size > UInt64(limits.maxBytes)
        {
            throw XMLPreScan.tooLarge(
                url.path, "the file is \(size) bytes, more than the \(limits.maxBytes) bytes airisk reads")
        }
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
        _ data: Data, fileName: String, limits: XMLLimits = .standard, _ body: (xmlDocPtr) throws(XMLError) -> T
    ) throws(XMLError) -> T {
        try XMLPreScan.check(data, fileName: fileName, limits: limits)
        let parsed: Result<T, XMLError> = LibXML.collectingErrors(file: fileName) { collector in
            let doc: xmlDocPtr
            switch LibXML.parse(data, url: fileName, collector: collector) {
            case .doctype(let line):
                return .failure(
                    .malformed([
                        XMLDiagnostic(
                            file: fileName, line: line,
                            message: "DOCTYPE declarations are not allowed (DTDs and entities are disabled for safety)")
                    ]))
            case .failed:
                var d = collector.diagnostics
                if data.isEmpty { d.append(XMLDiagnostic(file: fileName, line: 0, message: "file is empty")) }
                if data.count > Int(Int32.max) {
                    d.append(XMLDiagnostic(file: fileName, line: 0, message: "file is larger than 2 GiB"))
                }
                if d.isEmpty { d.append(XMLDiagnostic(file: fileName, line: 0, message: "not well-formed XML")) }
                return .failure(.malformed(d))
            case .document(let parsedDoc, let wellFormed):
                doc = parsedDoc
                if !wellFormed || !collector.diagnostics.isEmpty {
                    xmlFreeDoc(doc)
                    return .failure(.malformed(collector.diagnostics(orElse: "not well-formed XML")))
                }
            }
            defer { xmlFreeDoc(doc) }
            if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
                return .failure(
                    .malformed([
                        XMLDiagnostic(
                            file: fileName, line: 1,
                            message: "DOCTYPE declarations are not allowed (DTDs and entities are disabled for safety)")
                    ]))
            }
            return Result { () throws(XMLError) in try body(doc) }
        }
        return try parsed.get()
    }

    /// Copies a libxml2 element subtree into Swift values.
    /// Nesting beyond ``LibXML/maximumDepth`` is refused (libxml2 already stops there; this keeps the
    /// recursion bounded whatever libxml2 version is linked).
    static func convert(_ node: xmlNodePtr, depth: Int, fileName: String) throws(XMLError) -> XMLElement {
        guard depth <= LibXML.maximumDepth else {
            throw XMLError.malformed([
                XMLDiagnostic(
                    file: fileName, line: Int(xmlGetLineNo(node)),
                    message: "elements nested more than \(LibXML.maximumDepth) levels deep")
            ])
        }
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
                children.append(.element(try convert(c, depth: depth + 1, fileName: fileName)))
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
