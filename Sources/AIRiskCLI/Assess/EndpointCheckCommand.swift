import AIRiskAccess
import AIRiskAssessment
import AIRiskData
import AIRiskEndpoint
import AIRiskLoader
import AIRiskTensor
import ArgumentParser
import Foundation

/// `airisk endpoint-check`: connects to a live model the way `assess` would, says what access it
/// allows, and optionally measures how fast the probes' query path gets answers.
struct EndpointCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endpoint-check",
        abstract: "Connect to a prediction endpoint or model command, show the access it allows, and time queries.")

    @OptionGroup(title: "Live model") var live: EndpointOptions

    @Option(help: "Rows to send (.npz, .npy or .csv); the first rows are the set-up query, all are cycled for --rows.")
    var data: String

    @Option(help: "CSV label column (default: label).")
    var labelColumn: String?

    @Option(
        help: "Rows to send after set-up, through the same batching, concurrency and retries as the probes (0: none).")
    var rows: Int = 0

    @Option(help: "Shape of one input row, e.g. 1,8,8, when the endpoint does not declare it.")
    var inputShape: String?

    func validate() throws {
        try live.validate(model: nil)
        guard rows >= 0 else { throw ValidationError("--rows must not be negative") }
        _ = try AssessCommand.inputShape(inputShape, "--input-shape")
    }

    func run() async throws {
        guard var c = try live.configuration() else { throw ValidationError("give --endpoint or --model-cmd") }
        c.inputShape = try AssessCommand.inputShape(inputShape, "--input-shape")
        let ds = try DatasetLoader.load(url: URL(fileURLWithPath: data), labelColumn: labelColumn)
        guard let values = ds.features.floats, ds.rowCount > 0 else {
            throw ValidationError("\(data): no numeric rows")
        }
        let shape = c.inputShape ?? ds.rowShape
        let width = shape.reduce(1, *)
        guard width == ds.rowShape.reduce(1, *) else {
            throw ValidationError(
                "\(data): rows have \(ds.rowShape.reduce(1, *)) values, --input-shape \(shape) needs \(width)")
        }
        // The loader connects as `assess` does; its set-up notes are printed as they come.
        let loader = ModelLoader(progress: { TerminalOutput.write("note:         \($0)") })
        let resolved = try await loader.connect(c, sampleRows: ModelLoader.setupRows(ds, shape: shape))
        let model = resolved.access
        let d = model.description
        TerminalOutput.write("model:        \(d.name) at \(resolved.identity.location)")
        TerminalOutput.write("input rows:   shape \(d.inputShape)")
        TerminalOutput.write(
            "answers:      \(d.outputKind.rawValue)\(d.outputWidth > 0 ? ", \(d.outputWidth) per row" : "")")
        TerminalOutput.write("access:       \(d.accessLevel.rawValue)")
        guard rows > 0 else { return }
        var batch = [Float]()
        batch.reserveCapacity(rows * width)
        while batch.count < rows * width {
            batch.append(contentsOf: values.prefix(rows * width - batch.count))
        }
        let started = ContinuousClock.now
        let before = Self.usage(resolved)
        _ = try await model.predict(Tensor(shape: [rows] + shape, scalars: batch))
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let after = Self.usage(resolved)
        let requests = after.requests - before.requests
        TerminalOutput.write(
            String(
                format:
                    "throughput:   %d rows in %d requests (batch %d, concurrency %d) in %.3f s: %.0f rows/s, %.1f requests/s, %d retries",
                rows, requests, c.limits.batchSize, c.limits.concurrency, seconds, Double(rows) / seconds,
                Double(requests) / seconds, after.retries - before.retries))
    }

    /// Requests and retries so far, from the usage the loader reports for the endpoint.
    static func usage(_ model: ResolvedModel) -> (requests: Int, retries: Int) {
        let budgets = model.usage?() ?? []
        func value(_ name: String) -> Int { Int(budgets.first { $0.name == name }?.value ?? 0) }
        return (value("endpoint.requests"), value("endpoint.retries"))
    }
}
