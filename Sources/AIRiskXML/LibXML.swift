import CLibXML2
import Foundation

/// Process-wide libxml2 set-up and the error plumbing shared by the reader, the schema and the writer.
enum LibXML {
    /// Initialises libxml2 exactly once, before any other call.
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parser options for every document: no network, no DTD loading, no entity substitution,
    /// line numbers beyond 65535.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

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
