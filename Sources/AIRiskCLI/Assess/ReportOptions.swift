import AIRiskReport
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

    func writerOptions() throws -> ReportWriter.Options {
        let set =
            try templates.map { try TemplateSet.overriding(from: URL(fileURLWithPath: $0, isDirectory: true)) }
            ?? .bundled
        return ReportWriter.Options(language: lang, templates: set, failOn: failOn?.severity ?? .high)
    }
}
