import AIRiskReport
import AIRiskResults
import ArgumentParser
import Foundation

/// `airisk diff OLD.xml NEW.xml`: what changed between two model versions, and a regression gate.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two results.xml files per probe and metric.",
        discussion: """
            Exit status: 0 normally; 2 with --fail-on-regression when a probe's severity rose; 1 on error.
            """)

    @Argument(help: "The baseline results.xml.")
    var old: String

    @Argument(help: "The new results.xml.")
    var new: String

    @Flag(help: "Exit with status 2 when any probe's severity is higher in NEW than in OLD.")
    var failOnRegression = false

    func run() async throws {
        let a = try ResultsDocument.read(contentsOf: URL(fileURLWithPath: old))
        let b = try ResultsDocument.read(contentsOf: URL(fileURLWithPath: new))
        let diff = ResultsDiff(old: a, new: b)
        TerminalOutput.write(diff.render(oldName: old, newName: new))
        if failOnRegression, !diff.regressions.isEmpty { throw ExitCode(Gate.findingExitCode) }
    }
}
