import Foundation

/// The report templates: the ones compiled into the binary, optionally overridden file by file from a directory
/// (`--templates DIR`), so a team can restyle or restructure the page without rebuilding airisk.
package struct TemplateSet: Sendable, Equatable {
    /// Template text by file name (report.html.mustache, report.css).
    package var files: [String: String]

    /// The templates shipped inside the binary (from Resources/ at build time).
    package static let bundled = TemplateSet(files: BundledTemplates.files)

    /// The bundled templates with every same-named file in `directory` taking their place.
    package static func overriding(from directory: URL) throws(ReportError) -> TemplateSet {
        var set = bundled
        for name in bundled.files.keys {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do {
                set.files[name] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw .template(name: url.path, reason: "cannot be read as UTF-8 text: \(error.localizedDescription)")
            }
        }
        return set
    }

    func file(_ name: String) throws(ReportError) -> String {
        guard let text = files[name] else { throw .template(name: name, reason: "is missing from the template set") }
        return text
    }
}
