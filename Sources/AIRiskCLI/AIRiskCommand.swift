import ArgumentParser

/// The `airisk` command: scores how much a machine-learning model leaks.
public struct AIRiskCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "airisk",
        abstract: "Score how much a machine-learning model leaks before it ships.",
        version: AIRiskVersion.current,
        subcommands: []
    )

    public init() {}
}
