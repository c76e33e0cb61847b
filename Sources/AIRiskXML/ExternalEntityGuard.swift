import CLibXML2
import Foundation

/// The only door through which libxml2 may open a file while parsing: a process-wide external-entity
/// loader that refuses everything except the `xs:include` / `xs:import` files of a schema being compiled,
/// and only local files inside that schema's own directory.
///
/// Documents never reach a file or the network through it: DTDs are refused as soon as the parser sees a
/// DOCTYPE (see ``XMLReader``), and any other attempt (an external entity, an external DTD subset, an
/// `xsi:schemaLocation`, an XInclude) is refused here and counted.
package enum ExternalEntityGuard {
    /// The directory whose files a schema compilation on this thread may include; nil everywhere else.
    @TaskLocal static var schemaDirectory: String?

    private static let counters = Counters()

    /// How many external resources libxml2 asked for and was refused, since the process started.
    package static var refusedCount: Int { counters.read().refused }
    /// How many schema include/import files were opened, since the process started.
    package static var allowedCount: Int { counters.read().allowed }
    /// Every URL that was refused, most recent last (at most 100 kept), for tests and diagnostics.
    package static var refusedURLs: [String] { counters.read().urls }

    /// Installs the loader (once, with libxml2's initialisation).
    static func install() {
        xmlSetExternalEntityLoader(guardedEntityLoader)
    }

    /// Runs `body` with schema includes allowed from the directory of `baseURL` (none when nil).
    static func allowingSchemaIncludes<T>(beside baseURL: URL?, _ body: () throws -> T) rethrows -> T {
        let directory = baseURL.map {
            $0.standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent().path
        }
        return try $schemaDirectory.withValue(directory) { try body() }
    }

    /// The local path `url` names if it may be opened now, or nil.
    static func permittedPath(_ url: String) -> String? {
        guard let directory = schemaDirectory else { return nil }
        let path: String
        if url.hasPrefix("file://") {
            guard let parsed = URL(string: url), parsed.isFileURL, parsed.host == nil || parsed.host == "" else {
                return nil
            }
            path = parsed.path
        } else if url.hasPrefix("/") && !url.contains("://") {
            path = url
        } else {
            return nil
        }
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard resolved.hasPrefix(prefix), resolved.hasSuffix(".xsd") else { return nil }
        return resolved
    }

    /// Asks libxml2 to open `url` exactly as a parser would for an external entity, and reports whether
    /// it got an input. Lets tests prove the guard is the loader libxml2 actually uses.
    package static func libxml2WouldOpen(_ url: String, asSchemaIncludeBeside schema: URL? = nil) -> Bool {
        _ = LibXML.initialized
        return allowingSchemaIncludes(beside: schema) {
            guard let ctxt = xmlNewParserCtxt() else { return false }
            defer { xmlFreeParserCtxt(ctxt) }
            guard let input = LibXML.collectingErrors(file: url, { _ in xmlLoadExternalEntity(url, nil, ctxt) }) else {
                return false
            }
            xmlFreeInputStream(input)
            return true
        }
    }

    static func record(allowed: Bool, url: String) {
        counters.record(allowed: allowed, url: url)
    }
}

/// The loader libxml2 calls for every external resource (entities, DTDs, schema includes).
private let guardedEntityLoader: xmlExternalEntityLoader = { url, _, ctxt in
    let requested = url.map { String(cString: $0) } ?? ""
    guard let path = ExternalEntityGuard.permittedPath(requested) else {
        ExternalEntityGuard.record(allowed: false, url: requested)
        return nil
    }
    ExternalEntityGuard.record(allowed: true, url: requested)
    return xmlNewInputFromFile(ctxt, path)
}

/// Thread-safe tallies of the loader's decisions.
private final class Counters: @unchecked Sendable {
    private let lock = NSLock()
    private var refused = 0
    private var allowed = 0
    private var urls: [String] = []

    func record(allowed isAllowed: Bool, url: String) {
        lock.lock()
        defer { lock.unlock() }
        if isAllowed {
            allowed += 1
        } else {
            refused += 1
            urls.append(url)
            if urls.count > 100 { urls.removeFirst(urls.count - 100) }
        }
    }

    func read() -> (refused: Int, allowed: Int, urls: [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (refused, allowed, urls)
    }
}
