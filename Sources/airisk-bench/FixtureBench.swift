// `airisk-bench fixtures`: rows per second of every fixture model through airisk's own path,
// ONNXModel.load + ONNXModelAccess.predict (what the probes call), and through Executor.run alone.
// scripts/bench.sh runs it interleaved with scripts/bench_onnxruntime.py and prints the comparison.
import AIRiskAccess
import AIRiskData
import AIRiskONNX
import AIRiskTensor
import Foundation

let fixtureModelNames = [
    "logreg_breast_cancer", "softmax_digits", "mlp_digits_overfit", "mlp_digits_regularised",
    "random_forest_digits", "mlp_regressor_diabetes",
]

/// The first `count` rows of population ∪ non-members ∪ members (repeated when fewer), as
/// scripts/bench_onnxruntime.py takes them.
func fixtureRows(_ directory: URL, _ name: String, count: Int) throws -> (values: [Float], width: Int) {
    var all: [Float] = []
    var width = 0
    for split in ["population", "nonmembers", "members"] {
        let ds = try DatasetLoader.load(url: directory.appendingPathComponent("\(name).\(split).npz"))
        guard let f = ds.features.floats else { throw BenchError.data("\(name).\(split).npz: features are not float") }
        width = ds.features.shape.dropFirst().reduce(1, *)
        all += f
    }
    let available = all.count / width
    var out: [Float] = []
    out.reserveCapacity(count * width)
    for r in 0..<count { out += all[(r % available) * width..<(r % available + 1) * width] }
    return (out, width)
}

enum BenchError: Error, CustomStringConvertible {
    case data(String)
    var description: String {
        switch self {
        case .data(let m): m
        }
    }
}

/// Median over `repeats` timed runs of rows per second; each run calls `body(call)` (which
/// processes `batch` rows) until at least `minTime` seconds have passed.
func rowsPerSecond(batch: Int, repeats: Int, minTime: Double, _ body: (Int) async throws -> Void) async rethrows
    -> Double
{
    for i in 0..<20 { try await body(i) }  // warm-up
    var results: [Double] = []
    for _ in 0..<repeats {
        var calls = 0
        let start = ContinuousClock.now
        var elapsed = 0.0
        repeat {
            try await body(calls)
            calls &+= 1
            let d = ContinuousClock.now - start
            elapsed = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        } while elapsed < minTime
        results.append(Double(calls * batch) / elapsed)
    }
    results.sort()
    return results[results.count / 2]
}

func benchFixtures(arguments: [String]) async throws {
    var directory = URL(fileURLWithPath: "Tests/Fixtures/models")
    var repeats = 7
    var minTime = 0.2
    var jsonPath: String?
    var it = arguments.makeIterator()
    while let a = it.next() {
        switch a {
        case "--models": if let v = it.next() { directory = URL(fileURLWithPath: v) }
        case "--repeats": if let v = it.next(), let n = Int(v) { repeats = n }
        case "--min-time": if let v = it.next(), let t = Double(v) { minTime = t }
        case "--json": jsonPath = it.next()
        default: throw BenchError.data("unknown argument \(a)")
        }
    }
    var results: [[String: Any]] = []
    print("| model | access b1 rows/s | access b256 rows/s | executor b1 rows/s | executor b256 rows/s |")
    print("|---|---:|---:|---:|---:|")
    for name in fixtureModelNames {
        let model = try ONNXModel.load(contentsOf: directory.appendingPathComponent(name + ".onnx"))
        let access = try ONNXModelAccess(model: model)
        let (values, width) = try fixtureRows(directory, name, count: 256)
        let shape = access.description.inputShape
        let singles = (0..<256).map { r in
            Tensor(shape: [1] + shape, scalars: Array(values[r * width..<(r + 1) * width]))
        }
        let full = Tensor(shape: [256] + shape, scalars: values)
        var row: [String: Any] = ["model": name]
        var sink = 0
        row["access_b1"] = try await rowsPerSecond(batch: 1, repeats: repeats, minTime: minTime) { i in
            sink &+= try await access.predict(singles[i & 255]).rows
        }
        row["access_b256"] = try await rowsPerSecond(batch: 256, repeats: repeats, minTime: minTime) { _ in
            sink &+= try await access.predict(full).rows
        }
        let executor = access.executor
        let input = access.inputName
        row["executor_b1"] = try await rowsPerSecond(batch: 1, repeats: repeats, minTime: minTime) { i in
            sink &+= try executor.run(inputs: [input: singles[i & 255]]).count
        }
        row["executor_b256"] = try await rowsPerSecond(batch: 256, repeats: repeats, minTime: minTime) { _ in
            sink &+= try executor.run(inputs: [input: full]).count
        }
        if sink == 42 { print("") }
        func f(_ k: String) -> String { String(Int((row[k] as? Double ?? 0).rounded())) }
        print("| \(name) | \(f("access_b1")) | \(f("access_b256")) | \(f("executor_b1")) | \(f("executor_b256")) |")
        results.append(row)
    }
    if let jsonPath {
        let data = try JSONSerialization.data(
            withJSONObject: ["results": results], options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: jsonPath))
    }
}

/// `airisk-bench profile-fixture NAME BATCH SECONDS`: only the ONNXModelAccess.predict loop, for perf / callgrind.
func profileFixture(arguments: [String]) async throws {
    let name = arguments.first ?? "mlp_digits_overfit"
    let batch = arguments.count > 1 ? Int(arguments[1]) ?? 1 : 1
    let calls = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
    let directory = URL(fileURLWithPath: "Tests/Fixtures/models")
    let access = try ONNXModelAccess(
        model: try ONNXModel.load(contentsOf: directory.appendingPathComponent(name + ".onnx")))
    let (values, _) = try fixtureRows(directory, name, count: batch)
    let x = Tensor(shape: [batch] + access.description.inputShape, scalars: values)
    var sink = 0
    for _ in 0..<calls { sink &+= try await access.predict(x).rows }
    print(sink)
}
