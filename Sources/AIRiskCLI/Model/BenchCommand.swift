import AIRiskAccess
import AIRiskAssessment
import AIRiskData
import AIRiskLoader
import AIRiskTensor
import ArgumentParser
import Foundation

/// `airisk bench MODEL.onnx DATA`: the engine's rows per second on the user's own model and data,
/// to predict how long an assessment takes.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the engine on an ONNX model: rows per second at batch 1 and 256 on rows of a data file.",
        discussion: """
            The model is loaded once. Batch 1 cycles through up to 256 distinct rows of DATA (one call per \
            row); a larger batch uses the first rows, repeated when DATA has fewer. Each batch size is warmed \
            up, then timed until --rounds calls or --seconds seconds, whichever comes first. The engine runs on \
            one thread unless OPENBLAS_NUM_THREADS is set.
            """)

    @OptionGroup var input: ModelDataArguments

    @Option(help: "Batch sizes to time, separated by commas.")
    var batch: String = "1,256"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Longest timed run per batch size, in seconds (default 1, or 600 with --rounds).")
    var seconds: Double?

    @Option(help: "Most calls timed per batch size (default 1000000).")
    var rounds: Int?

    func validate() throws {
        do {
            _ = try ModelBenchmark.parseBatches(batch)
        } catch {
            throw ValidationError("\(error)")
        }
        if let seconds, !(seconds > 0 && seconds <= 3600) {
            throw ValidationError("--seconds must be more than 0 and at most 3600, got \(seconds)")
        }
        if let rounds, !(rounds >= 1 && rounds <= 1_000_000) {
            throw ValidationError("--rounds must be from 1 to 1000000, got \(rounds)")
        }
    }

    /// The timing bounds the options ask for.
    var benchmark: ModelBenchmark {
        ModelBenchmark(maxSeconds: seconds ?? (rounds == nil ? 1 : 600), maxRounds: rounds ?? 1_000_000)
    }

    func run() async throws {
        let batches = try ModelBenchmark.parseBatches(batch)
        let (access, dataset) = try input.load()
        guard let features = dataset.features.floats else {
            throw ModelAccessError.badInput(model: access.description.name, reason: "features must be numeric")
        }
        let results = try await benchmark.run(
            access, features: features, rows: dataset.rowCount, batches: batches)
        switch format {
        case .json: TerminalOutput.write(Self.json(results))
        case .text:
            TerminalOutput.write(
                Self.text(results, model: access.description, environment: ProcessInfo.processInfo.environment))
        }
    }

    /// `[{"batch": 1, "rows_per_second": R}, …]`, one object per batch size in the order asked.
    static func json(_ results: [ModelBenchmark.Result]) -> String {
        "["
            + results.map {
                "{\"batch\": \($0.batch), \"rows_per_second\": \(String(format: "%.1f", $0.rowsPerSecond))}"
            }
            .joined(separator: ", ") + "]"
    }

    /// A small table with the CPU, the matrix-product library and the settings that change the engine's speed.
    static func text(
        _ results: [ModelBenchmark.Result], model d: ModelDescription, environment: [String: String]
    ) -> String {
        var lines = [
            "Model: \(d.name) (rows of shape \(d.inputShape), \(d.outputKind))",
            "CPU: \(cpuName()), \(ProcessInfo.processInfo.activeProcessorCount) logical CPUs",
            "Matrix products: \(BLAS.backend)",
            "OPENBLAS_CORETYPE: \(environment["OPENBLAS_CORETYPE"].map { "set to \($0)" } ?? "not set")",
            "Threads: \(environment["OPENBLAS_NUM_THREADS"] ?? environment["OMP_NUM_THREADS"] ?? "1")",
            "",
            "  batch        rows/s    rounds   seconds",
        ]
        for r in results {
            lines.append(
                String(
                    format: "%7d %13.1f %9d %9.2f", r.batch, r.rowsPerSecond, r.rounds, r.seconds))
        }
        return lines.joined(separator: "\n")
    }

    /// The CPU's model name from /proc/cpuinfo, or "unknown CPU".
    static func cpuName() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                let name = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    return String(
                        name.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.map(Character.init))
                }
            }
        }
        return "unknown CPU"
    }
}
