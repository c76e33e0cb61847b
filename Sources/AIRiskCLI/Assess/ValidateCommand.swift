import AIRiskCatalog
import AIRiskReport
import AIRiskResults
import AIRiskSupport
import AIRiskXML
import ArgumentParser
import Foundation

/// `airisk validate FILE`: checks a results document, or a catalog directory, against its schema.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a results.xml against the results XSD, or a catalog directory against the catalog XSDs.",
        discussion: """
            Accepts an airisk results document (results.xml, written by assess and demo; the other report files \
            are renderings of it), a report folder (its results.xml is validated), or a catalog directory \
            (matrix.xml, owasp-ml-top10-2023.xml, atlas.xml, mappings.xml and policy-default.xml).
            """)

    @Argument(help: "A results.xml file, a report folder, or a catalog directory.")
    var path: String

    static let accepts =
        "validate accepts an airisk results document (results.xml), a report folder holding one, or a catalog "
        + "directory (holding \(CatalogFile.matrix.fileName))"

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidateInputError(message: "\(path) does not exist; \(Self.accepts)")
        }
        if isDirectory.boolValue {
            let dir = URL(fileURLWithPath: path, isDirectory: true)
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(CatalogFile.matrix.fileName).path) {
                let c = try Catalog.load(directory: dir)
                TerminalOutput.write("\(path): valid catalog (\(c.entries.count) entries)")
                return
            }
            let results = dir.appendingPathComponent(ReportFormat.resultsXML.fileName)
            guard FileManager.default.fileExists(atPath: results.path) else {
                throw ValidateInputError(
                    message:
                        "\(path) is a directory with neither a results.xml nor a catalog's "
                        + "\(CatalogFile.matrix.fileName); \(Self.accepts)")
            }
            TerminalOutput.write("\(path) is a report folder; validating its results.xml")
            try validateResults(results)
            return
        }
        if let problem = RegularFile.problem(at: path) {
            throw ValidateInputError(message: "\(path): \(problem); \(Self.accepts)")
        }
        try validateResults(URL(fileURLWithPath: path))
    }

    private func validateResults(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        if let other = Self.otherDocument(data) {
            throw ValidateInputError(
                message:
                    "\(url.path) is \(other), not the results document it is rendered from; validate results.xml "
                    + "(in the same report folder) instead. \(Self.accepts)")
        }
        let problems = try ResultsDocument.schema().validate(data, fileName: url.path)
        if problems.isEmpty {
            _ = try ResultsDocument.read(data, fileName: url.path)
            TerminalOutput.write("\(url.path): valid airisk results document")
        } else {
            let root = (try? XMLReader.parse(data, fileName: url.path).root).map {
                "{\($0.namespace ?? "")}\($0.name)"
            }
            if let root, root != "{\(ResultsDocument.namespace)}results" {
                throw ValidateInputError(
                    message:
                        "\(url.path) is an XML document with root \(root), not an airisk results document "
                        + "({\(ResultsDocument.namespace)}results); \(Self.accepts)")
            }
            for p in problems { TerminalOutput.write("\(p)") }
            throw ExitCode.failure
        }
    }

    /// What `data` is when it is one of airisk's renderings or another known format rather than a results
    /// document: "an OSCAL rendering (JSON)", "a SARIF rendering", …; nil when it may be a results document.
    static func otherDocument(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4_096), as: UTF8.self)
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            if head.contains("\"assessment-results\"") { return "an OSCAL rendering (JSON)" }
            if head.contains("sarif") || head.contains("\"runs\"") { return "a SARIF rendering" }
            return "a JSON file (results.json is a rendering)"
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return "an HTML report" }
        guard trimmed.hasPrefix("<") else { return nil }
        if head.contains("<assessment-results") || head.contains(":assessment-results") {
            return "an OSCAL rendering (XML)"
        }
        if head.contains("<testsuites") || head.contains("<testsuite") { return "a JUnit rendering" }
        return nil
    }
}
