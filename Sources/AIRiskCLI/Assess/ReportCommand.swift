import AIRiskReport
import AIRiskResults
import ArgumentParser
import Foundation

extension ReportFormat: ExpressibleByArgument {}

/// `airisk report RESULTS.xml`: re-renders every format from the canonical results alone.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Re-render reports (HTML, OSCAL, JSON, SARIF, JUnit) from a results.xml file.",
        discussion: "Exit status: 0 on success; 2 when --fail-on is given and a finding is at or above it; 1 on error.")

    @Argument(help: "A results.xml written by airisk assess.")
    var results: String

    @Option(help: "Formats to write (repeatable): html, xml, oscal, json, sarif, junit. Default: all.")
    var format: [ReportFormat] = []

    @Option(help: "Output directory (default: the results file's directory).")
    var out: String?

    @OptionGroup var report: ReportOptions

    func run() async throws {
        let url = URL(fileURLWithPath: results)
        var doc = try ResultsDocument.read(contentsOf: url)
        if let gate = report.failOn { doc.gate = gate.severity }
        let directory = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? url.deletingLastPathComponent()
        try OutputFolderError.check(directory)
        let formats = format.isEmpty ? ReportFormat.allCases.filter { $0 != .resultsXML } : format
        let written = try ReportWriter.write(doc, formats: formats, to: directory, options: try report.writerOptions())
        for w in written { TerminalOutput.write(w.path) }
        if let gate = report.failOn {
            let code = Gate.exitCode(doc, gate: gate)
            if code != 0 { throw ExitCode(code) }
        }
    }
}
