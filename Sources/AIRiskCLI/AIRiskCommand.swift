import ArgumentParser

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
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
