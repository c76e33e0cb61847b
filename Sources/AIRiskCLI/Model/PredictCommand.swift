import AIRiskAccess
import AIRiskAssessment
import AIRiskData
import AIRiskLoader
import AIRiskTensor
import ArgumentParser
import Foundation

/// `airisk predict MODEL.onnx DATA`: the model's answers for every row of a data file.
struct PredictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Run an ONNX model on a .npy, .npz or .csv file and print its outputs as CSV or JSON.")

    @OptionGroup var input: ModelDataArguments

    @Option(help: "Output format: csv or json.")
    var format: PredictFormat = .csv

    @Option(help: "Rows per engine call.")
    var batch: Int = 256

    enum PredictFormat: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch must be positive") }
    }

    func run() async throws {
        let (access, dataset) = try input.load()
        let outputs = try await Self.predictAll(access, dataset.features, batch: batch)
        TerminalOutput.write(try Self.render(outputs, description: access.description, format: format))
    }

    /// Predicts every row in batches, reshaping rows to the model's input layout.
    static func predictAll(_ model: any ModelAccess, _ features: Tensor, batch: Int) async throws -> ModelOutput {
        let d = model.description
        let n = features.shape.first ?? 0
        guard let values = features.floats else {
            throw ModelAccessError.badInput(model: d.name, reason: "features must be numeric")
        }
        return try await model.predict(scalars: values, rows: n, rowShape: d.inputShape, batchRows: batch)
    }

    static func render(_ out: ModelOutput, description d: ModelDescription, format: PredictFormat) throws -> String {
        let hasLabels = out.labels.count == out.rows && d.outputKind != .regression
        let columns: [String] =
            switch d.outputKind {
            case .regression: (0..<out.width).map { out.width == 1 ? "prediction" : "prediction_\($0)" }
            case .labels: []
            case .probabilities: (0..<out.width).map { "p_\($0)" }
            case .logits: (0..<out.width).map { "logit_\($0)" }
            case .sequence: (0..<out.width).map { "s_\($0)" }
            }
        switch format {
        case .csv:
            var lines = [(["row"] + (hasLabels ? ["label"] : []) + columns).joined(separator: ",")]
            for r in 0..<out.rows {
                var cells = [String(r)]
                if hasLabels { cells.append(String(out.labels[r])) }
                if out.width > 0 { cells += out.row(r).map { "\($0)" } }
                lines.append(cells.joined(separator: ","))
            }
            return lines.joined(separator: "\n")
        case .json:
            struct Row: Encodable {
                var row: Int
                var label: Int?
                var scores: [Float]?
            }
            let rows = (0..<out.rows).map { r in
                Row(row: r, label: hasLabels ? out.labels[r] : nil, scores: out.width > 0 ? Array(out.row(r)) : nil)
            }
            return try JSON.encode(rows)
        }
    }
}
