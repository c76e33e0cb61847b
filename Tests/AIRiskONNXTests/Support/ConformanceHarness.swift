import AIRiskONNX
import AIRiskTensor
import Foundation

/// Runs ONNX backend-test directories (`model.onnx` + `test_data_set_*/{input,output}_*.pb`) and
/// tallies results per operator.
struct ConformanceHarness {
    var rtol: Float
    var atol: Float

    enum Outcome: Equatable {
        case passed
        /// The case does not apply (operators not registered, non-tensor values, unsupported types).
        case skipped(String)
        /// `hasFloatOutput` tells whether the case compares floating-point outputs.
        case failed(String, hasFloatOutput: Bool)
    }

    struct Tally {
        var passed = 0
        var failed = 0
        var total: Int { passed + failed }
    }

    /// The single place that runs a graph. TEST-ONLY reference executor for now; switch to the
    /// engine's `Executor(graph:).run(inputs:)` once branch `engine` is merged.
    static func execute(_ graph: Graph, inputs: [String: Tensor]) throws -> [String: Tensor] {
        try Executor(graph: graph).run(inputs: inputs)
    }

    /// Modes the engine deliberately does not claim (training-time behaviour in an inference
    /// engine): cases that need them are counted as skipped with the reason, not as passes.
    static func unclaimedMode(_ error: Error) -> String? {
        let text = "\(error)"
        if text.contains("from the enclosing graph") {
            return "outer-scope values in subgraphs are not supported: \(text)"
        }
        return text.contains("training_mode") ? "training-mode behaviour is not claimed: \(text)" : nil
    }

    static func isRegistered(_ domain: String, _ opType: String) -> Bool {
        KernelRegistry.kernel(domain: domain, opType: opType) != nil
    }

    /// The label a case is counted under: its operator, or the operators of a composite graph.
    static func operatorLabel(_ model: ONNXModel) -> String {
        let ops = model.operators.map(\.qualifiedName)
        return ops.count == 1 ? ops[0] : ops.joined(separator: "+")
    }

    /// Loads and runs one case directory; returns the operator label and the outcome.
    func run(caseDirectory dir: URL) -> (label: String, outcome: Outcome) {
        let model: ONNXModel
        do {
            model = try ONNXModel.load(contentsOf: dir.appendingPathComponent("model.onnx"), checkOperators: false)
        } catch let error as ONNXError {
            switch error {
            case .unsupportedValueType, .unsupportedDataType, .unsupportedOpset, .unsupportedFeature:
                return (dir.lastPathComponent, .skipped("\(error)"))
            default:
                return (dir.lastPathComponent, .failed("load: \(error)", hasFloatOutput: true))
            }
        } catch {
            return (dir.lastPathComponent, .failed("load: \(error)", hasFloatOutput: true))
        }
        let label = Self.operatorLabel(model)
        if let missing = model.unsupportedOperators(isSupported: Self.isRegistered).first {
            return (label, .skipped("operator \(missing.qualifiedName) not registered"))
        }
        if let nonTensor = model.graph.outputs.first(where: { $0.elementType == nil }) {
            return (label, .skipped("output \(nonTensor.name) is not a tensor"))
        }
        if let defect = Self.knownDataDefects[dir.lastPathComponent] {
            return (label, .skipped("the case's expected values are wrong: \(defect)"))
        }
        let dataSets = FixturePaths.caseDirectories(in: dir, prefix: "test_data_set_")
        var hasFloat = false
        for dataSet in dataSets {
            do {
                let rawInputs = try readTensors(dataSet, prefix: "input_")
                let rawExpected = try readTensors(dataSet, prefix: "output_")
                let inputs = zip(model.graph.inputs, rawInputs).map(Self.bfloat16Bits)
                let expected = zip(model.graph.outputs, rawExpected).map(Self.bfloat16Bits)
                hasFloat = hasFloat || expected.contains { $0.floats != nil || $0.doubles != nil }
                guard rawInputs.count == model.graph.inputs.count, rawExpected.count == model.graph.outputs.count,
                    zip(model.graph.inputs, rawInputs).allSatisfy(Self.fitsDeclaredShape)
                else {
                    return (
                        label, .skipped("data set \(dataSet.lastPathComponent) does not match the graph's signature")
                    )
                }
                var feed: [String: Tensor] = [:]
                for (info, tensor) in zip(model.graph.inputs, inputs) { feed[info.name] = tensor }
                let actual = try Self.execute(model.graph, inputs: feed)
                for (info, want) in zip(model.graph.outputs, expected) {
                    guard let got = actual[info.name] else {
                        return (label, .failed("output \(info.name) missing", hasFloatOutput: hasFloat))
                    }
                    if let why = TensorComparison.mismatch(actual: got, expected: want, rtol: rtol, atol: atol) {
                        return (
                            label,
                            .failed(
                                "\(dataSet.lastPathComponent) output \(info.name): \(why)", hasFloatOutput: hasFloat)
                        )
                    }
                }
            } catch let error as ONNXError {
                return (label, .skipped("data: \(error)"))
            } catch {
                if let why = Self.unclaimedMode(error) { return (label, .skipped(why)) }
                return (label, .failed("\(dataSet.lastPathComponent): \(error)", hasFloatOutput: hasFloat))
            }
        }
        return (label, .passed)
    }

    /// Cases of libonnx-testdata 1.12 whose expected values contradict the operator's definition, each with why.
    static let knownDataDefects: [String: String] = [
        "test_cast_FLOAT_to_BFLOAT16":
            "ONNX 1.12's generator truncated float32 to bfloat16; the engine rounds to nearest even, as onnxruntime "
            + "1.32 does (0.48033667 → 0.48046875, expected 0.47851562)"
    ]

    /// Whether a data-set tensor has the rank and fixed dimensions the graph declares for it.
    static func fitsDeclaredShape(_ info: ValueInfo, _ tensor: Tensor) -> Bool {
        guard let dims = info.shape else { return true }
        guard dims.count == tensor.rank else { return false }
        return zip(dims, tensor.shape).allSatisfy { dim, n in
            if case .fixed(let d) = dim { return d == n }
            return true
        }
    }

    /// ONNX 1.12 wrote the bfloat16 tensors of its Cast / CastLike cases as uint16 bit patterns (data type 4);
    /// where the graph declares bfloat16, those bits are read as the bfloat16 values they are.
    static func bfloat16Bits(_ info: ValueInfo, _ tensor: Tensor) -> Tensor {
        guard info.elementType == "bfloat16", case .int64(let bits) = tensor.storage else { return tensor }
        return Tensor(
            shape: tensor.shape,
            scalars: bits.map { Float(bitPattern: UInt32(UInt16(truncatingIfNeeded: $0)) << 16) })
    }

    private func readTensors(_ dir: URL, prefix: String) throws -> [Tensor] {
        var result: [Tensor] = []
        var i = 0
        while true {
            let url = dir.appendingPathComponent("\(prefix)\(i).pb")
            guard FileManager.default.fileExists(atPath: url.path) else { return result }
            result.append(try ONNXTensorFile.load(contentsOf: url).tensor)
            i += 1
        }
    }

    /// Runs every case directory, prints "op: passed/total" lines and returns the failures that count.
    func runAll(_ dirs: [URL], title: String) -> (failures: [String], ran: Int, skipped: Int) {
        var tallies: [String: Tally] = [:]
        var failures: [String] = []
        var skipped = 0
        for dir in dirs {
            let (label, outcome) = run(caseDirectory: dir)
            switch outcome {
            case .passed: tallies[label, default: Tally()].passed += 1
            case .skipped(let why):
                skipped += 1
                print("[\(title)] SKIP \(dir.lastPathComponent) (\(label)): \(why)")
            case .failed(let why, let hasFloat):
                tallies[label, default: Tally()].failed += 1
                print("[\(title)] FAIL \(dir.lastPathComponent) (\(label)): \(why)")
                if hasFloat { failures.append("\(dir.lastPathComponent): \(why)") }
            }
        }
        for (label, t) in tallies.sorted(by: { $0.key < $1.key }) {
            print("[\(title)] \(label): \(t.passed)/\(t.total)")
        }
        let ran = tallies.values.reduce(0) { $0 + $1.total }
        print("[\(title)] \(ran) cases run, \(skipped) skipped (operators not registered or non-tensor values)")
        return (failures, ran, skipped)
    }
}
