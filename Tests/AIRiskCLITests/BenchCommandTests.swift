import AIRiskAccess
import AIRiskData
import AIRiskONNX
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskCLI

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
private let models = FixtureModels.directory

/// The built `airisk` beside the test bundle, or in .build/debug.
private let airiskBinary: URL? = [
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("airisk"),
    root.appendingPathComponent(".build/debug/airisk"),
].first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// The objects of a `bench --format json` answer, checked to be exactly batch and rows_per_second.
private func benchRates(_ json: String) throws -> [(batch: Int, rate: Double)] {
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
    let objects = try #require(parsed as? [[String: Any]], "\(json)")
    return try objects.map { o in
        #expect(Set(o.keys) == ["batch", "rows_per_second"])
        return (try #require(o["batch"] as? Int), try #require(o["rows_per_second"] as? Double))
    }
}

@Suite("bench")
struct BenchCommandTests {
    @Test("the timing loop gives a positive rate per batch size, in the order asked, as valid JSON")
    func measures() async throws {
        let url = models.appendingPathComponent("softmax_digits.onnx")
        let access = try ONNXModelAccess(model: ONNXModel.load(contentsOf: url), name: "softmax_digits.onnx")
        let data = try DatasetLoader.load(url: models.appendingPathComponent("softmax_digits.members.npz"))
        let features = try #require(data.features.floats)
        let bench = ModelBenchmark(maxSeconds: 0.05, maxRounds: 50)
        let results = try await bench.run(access, features: features, rows: data.rowCount, batches: [1, 256, 3])
        #expect(results.map(\.batch) == [1, 256, 3])
        for r in results {
            #expect(r.rowsPerSecond > 0)
            #expect(r.rounds >= 1 && r.rounds <= 50)
        }
        let rates = try benchRates(BenchCommand.json(results))
        #expect(rates.map(\.batch) == [1, 256, 3])
        #expect(rates.allSatisfy { $0.rate > 0 })
        let text = BenchCommand.text(results, model: access.description, environment: ["OPENBLAS_CORETYPE": "Haswell"])
        #expect(text.contains("CPU: "))
        #expect(text.contains("Matrix products: \(BLAS.backend)"))
        #expect(text.contains("OPENBLAS_CORETYPE: set to Haswell"))
        #expect(BenchCommand.text(results, model: access.description, environment: [:]).contains("not set"))
    }

    @Test("batch 256 on fewer rows repeats them; --rounds bounds the timed calls")
    func fewRows() async throws {
        let url = models.appendingPathComponent("logreg_breast_cancer.onnx")
        let access = try ONNXModelAccess(model: ONNXModel.load(contentsOf: url))
        let data = try DatasetLoader.load(url: models.appendingPathComponent("logreg_breast_cancer.members.csv"))
        let features = try #require(data.features.floats)
        let five = Array(features.prefix(5 * 30))
        let results = try await ModelBenchmark(maxSeconds: 60, maxRounds: 7).run(
            access, features: five, rows: 5, batches: [1, 256])
        #expect(results.map(\.rounds) == [7, 7])
    }

    @Test(
        "bad batch values are refused with a clear message",
        arguments: ["0", "-1", "abc", "1,,256", "1,", "1.5", "100000000"])
    func refusesBadBatch(value: String) throws {
        #expect {
            _ = try BenchCommand.parse(["m.onnx", "d.npz", "--batch=\(value)"])
        } throws: { error in
            let message = BenchCommand.message(for: error)
            return message.contains("--batch") && message.contains("e.g. --batch 1,256")
        }
    }

    @Test("bad time bounds are refused", arguments: [["--seconds", "0"], ["--seconds", "nan"], ["--rounds", "0"]])
    func refusesBadBounds(extra: [String]) throws {
        #expect(throws: (any Error).self) { _ = try BenchCommand.parse(["m.onnx", "d.npz"] + extra) }
    }

    @Test(
        "airisk bench prints valid JSON with positive rates for batches 1 and 256",
        .enabled(if: airiskBinary != nil, "needs the built airisk executable (swift build)"))
    func commandPrintsJSON() throws {
        let p = Process()
        p.executableURL = try #require(airiskBinary)
        p.arguments = [
            "bench", models.appendingPathComponent("softmax_digits.onnx").path,
            models.appendingPathComponent("softmax_digits.nonmembers.npz").path, "--format", "json", "--seconds", "0.1",
        ]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let rates = try benchRates(String(decoding: data, as: UTF8.self))
        #expect(rates.map(\.batch) == [1, 256])
        #expect(rates.allSatisfy { $0.rate > 0 })
    }
}
