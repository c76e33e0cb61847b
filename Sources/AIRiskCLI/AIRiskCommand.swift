import ArgumentParser
import Foundation

/// The `airisk` command: scores how much a machine-learning model leaks.
public struct AIRiskCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "airisk",
        abstract: "Score how much a machine-learning model leaks before it ships.",
        version: AIRiskVersion.current,
        subcommands: [
            DemoCommand.self, AssessCommand.self, ReportCommand.self, DiffCommand.self, ValidateCommand.self,
            InspectCommand.self, PredictCommand.self, BenchCommand.self, CatalogCommand.self, EndpointCheckCommand.self,
        ]
    )

    public init() {}
}

extension AIRiskCommand {
    /// Entry point for the `airisk` executable: parses the arguments and runs the command,
    /// exiting with the command's status.
    public static func runMain(arguments: [String]? = nil) async {
        let status = await run(arguments: arguments)
        TerminalOutput.flush()
        Foundation.exit(status)
    }

    /// Parses and runs a command line and returns its exit status. Errors, help and version text go out
    /// through ``TerminalOutput`` like everything else, so a hostile name in an error cannot drive the
    /// terminal.
    static func run(arguments: [String]?) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                TerminalOutput.write(message, to: code == .success ? .standardOutput : .standardError)
            }
            return code.rawValue
        }
    }
}
