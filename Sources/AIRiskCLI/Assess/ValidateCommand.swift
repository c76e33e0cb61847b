import AIRiskCatalog
import AIRiskResults
import AIRiskXML
import ArgumentParser
import Foundation

/// `airisk validate FILE`: checks a results document, or a catalog directory, against its schema.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a results.xml against the results XSD, or a catalog directory against the catalog XSDs.")

    @Argument(help: "A results.xml file or a catalog directory.")
    var path: String

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("\(path) does not exist")
        }
        if isDirectory.boolValue {
            let c = try Catalog.load(directory: URL(fileURLWithPath: path, isDirectory: true))
            TerminalOutput.write("\(path): valid catalog (\(c.entries.count) entries)")
            return
        }
        let url = URL(fileURLWithPath: path)
        let data = try Data(contentsOf: url)
        let problems = try ResultsDocument.schema().validate(data, fileName: url.path)
        if problems.isEmpty {
            _ = try ResultsDocument.read(data, fileName: url.path)
            TerminalOutput.write("\(url.path): valid airisk results document")
        } else {
            for p in problems { TerminalOutput.write("\(p)") }
            throw ExitCode.failure
        }
    }
}
