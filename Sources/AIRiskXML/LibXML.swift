import CLibXML2
import Foundation

/// Process-wide libxml2 set-up and the error plumbing shared by the reader, the schema and the writer.
enum LibXML {
    /// Initialises libxml2 exactly once, before any other call, and installs the
    /// ``ExternalEntityGuard`` loader so that nothing is ever fetched behind our back.
    static let initialized: Bool = {
        xmlInitParser()
        ExternalEntityGuard.install()
        return true
    }()

    /// Parser options for every document: no network, no DTD loading, no entity substitution,
    /// line numbers beyond 65535. `XML_PARSE_HUGE` is deliberately absent, so libxml2 keeps its
    /// ceilings on nesting depth (256), text node size and entity amplification.
    static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// The deepest element nesting accepted (libxml2's own ceiling without `XML_PARSE_HUGE`).
    static let maximumDepth = 256

    /// What parsing one buffer produced.
    enum ParseOutcome {
        case document(xmlDocPtr, wellFormed: Bool)
        /// The parser met a DOCTYPE at `line` and was stopped before reading its internal subset.
        case doctype(line: Int)
        case failed
    }

    /// Parses `data` with a fresh parser context whose SAX handler stops the parse the moment a DOCTYPE
    /// starts, so no DTD, entity declaration or external subset is ever processed.
    static func parse(_ data: Data, url: String, collector: DiagnosticCollector) -> ParseOutcome {
        _ = initialized
        guard let ctxt = xmlNewParserCtxt() else { return .failed }
        defer { xmlFreeParserCtxt(ctxt) }
        ctxt.pointee.sax.pointee.internalSubset = refuseInternalSubset
        ctxt.pointee.sax.pointee.externalSubset = refuseExternalSubset
        let box = DoctypeFlag()
        return withExtendedLifetime(box) {
            ctxt.pointee._private = Unmanaged.passUnretained(box).toOpaque()
            let doc: xmlDocPtr? = data.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0, raw.count <= Int(Int32.max) else { return nil }
                return xmlCtxtReadMemory(
                    ctxt, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), url, nil, parseOptions)
            }
            if let line = box.line {
                if let doc { xmlFreeDoc(doc) }
                return .doctype(line: line)
            }
            guard let doc else { return .failed }
            return .document(doc, wellFormed: ctxt.pointee.wellFormed != 0)
        }
    }

    /// Runs `body` while every libxml2 error raised on this thread is collected into diagnostics
    /// for `file` instead of being printed. libxml2 keeps this handler per thread.
    static func collectingErrors<T>(file: String, _ body: (DiagnosticCollector) throws -> T) rethrows -> T {
        _ = initialized
        let collector = DiagnosticCollector(file: file)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context, structuredErrorHandler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try withExtendedLifetime(collector) { try body(collector) }
    }

    /// Releases a string libxml2 allocated for us. libxml2's `xmlFree` is a mutable global that
    /// Swift 6 will not read; airisk never installs a custom allocator, so it is the C `free`.
    static func free(_ p: UnsafeMutablePointer<xmlChar>) {
        Foundation.free(p)
    }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}

/// Accumulates the errors libxml2 reports during one operation.
final class DiagnosticCollector {
    let file: String
    var diagnostics: [XMLDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    func add(line: Int, message: String) {
        diagnostics.append(XMLDiagnostic(file: file, line: line, message: message))
    }

    /// The collected diagnostics, or when libxml2 reported none, one saying `message` (at line 0).
    func diagnostics(orElse message: String) -> [XMLDiagnostic] {
        diagnostics.isEmpty ? [XMLDiagnostic(file: file, line: 0, message: message)] : diagnostics
    }

    /// The opaque pointer libxml2 hands back to ``structuredErrorHandler``.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Receives one libxml2 error; `context` is an unretained ``DiagnosticCollector``.
let structuredErrorHandler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
    let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
    let message = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    collector.add(line: Int(error.pointee.line), message: message)
}

/// Set by the DOCTYPE hooks; reached through the parser context's `_private`.
private final class DoctypeFlag {
    var line: Int?
}

private func stopAtDoctype(_ ctx: UnsafeMutableRawPointer?) {
    guard let ctx else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    if let flag = ctxt.pointee._private {
        let box = Unmanaged<DoctypeFlag>.fromOpaque(flag).takeUnretainedValue()
        if box.line == nil { box.line = max(Int(ctxt.pointee.input?.pointee.line ?? 1), 1) }
    }
    xmlStopParser(ctxt)
}

private let refuseInternalSubset: internalSubsetSAXFunc = { ctx, _, _, _ in stopAtDoctype(ctx) }
private let refuseExternalSubset: externalSubsetSAXFunc = { ctx, _, _, _ in stopAtDoctype(ctx) }
