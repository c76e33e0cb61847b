import AIRiskReport
import AIRiskResults
import ArgumentParser
import Foundation

extension ReportLanguage: ExpressibleByArgument {}

/// Options shared by every command that writes reports.
struct ReportOptions: ParsableArguments {
    @Option(help: "Language of the HTML report: en or ja.")
    var lang: ReportLanguage = .en

    @Option(help: "A directory of HTML templates that replace the bundled ones (same file names).")
    var templates: String?

    @Option(
        name: .customLong("fail-on"),
        help: "Exit with status 2 when a finding is at or above this severity: low, medium, high or critical.")
    var failOn: Gate?

    @Option(
        help: ArgumentHelp(
            "An earlier results.xml to compare against: the HTML report gains a version-comparison section.",
            valueName: "results.xml"))
    var baseline: String?

    func writerOptions() throws -> ReportWriter.Options {
        let set =
            try templates.map { try TemplateSet.overriding(from: URL(fileURLWithPath: $0, isDirectory: true)) }
            ?? .bundled
        let old = try baseline.map {
            HTMLReport.Baseline(name: $0, results: try ResultsDocument.read(contentsOf: URL(fileURLWithPath: $0)))
        }
        return ReportWriter.Options(language: lang, templates: set, failOn: failOn?.severity ?? .high, baseline: old)
    }
}
