import ArgumentParser
import Foundation

/// `airisk inspect MODEL.onnx`: what the file holds and how airisk would query it.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show an ONNX model's inputs, outputs, opsets, operators, parameters and gradient availability.")

    @Argument(help: "The ONNX model file.")
    var model: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let inspection = try ModelInspection(url: URL(fileURLWithPath: model))
        switch format {
        case .text: TerminalOutput.write(inspection.text)
        case .json: TerminalOutput.write(try JSON.encode(inspection))
        }
    }
}
