import AIRiskData
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskONNX

/// The engine-speed benchmark models of issue 22 (scripts/make_bench_models.py: an MLP, a small CNN, a CIFAR
/// ResNet-20 and an LSTM classifier, exported with PyTorch's default exporter, random seeded weights) answer as
/// onnxruntime does, at batch 8 and one row at a time (different product shapes, different kernels).
@Suite("Benchmark models")
struct BenchModelTests {
    static let directory = FixtureModels.directory.appendingPathComponent("bench")

    struct Expected: Decodable {
        var logits: [String: [[Double]]]
    }

    @Test(
        "the benchmark models answer as onnxruntime does, batched and row by row",
        arguments: ["mlp", "small_cnn", "resnet20", "lstm"])
    func answersLikeOnnxruntime(name: String) throws {
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.directory.appendingPathComponent("expected.json")))
        let want = try #require(expected.logits[name])
        let model = try ONNXModel.load(contentsOf: Self.directory.appendingPathComponent("\(name).onnx"))
        let executor = try Executor(graph: model.graph)
        let features = try NPZArchive(contentsOf: Self.directory.appendingPathComponent("\(name).npz")).array("x")
        let rows = features.shape[0]
        #expect(rows == want.count)
        let rowShape = Array(features.shape.dropFirst())
        let rowSize = rowShape.reduce(1, *)
        let values = try #require(features.floats)
        func check(_ output: Tensor?, rows range: Range<Int>, _ label: String) throws {
            let logits = try #require(output?.floats)
            let width = logits.count / range.count
            for (offset, r) in range.enumerated() {
                for c in 0..<width {
                    let a = Double(logits[offset * width + c]), b = want[r][c]
                    #expect(abs(a - b) <= 1e-4 * max(1, abs(b)), "\(name) \(label) row \(r) logit \(c): \(a) vs \(b)")
                }
            }
        }
        let batch = try executor.run(inputs: ["x": features])
        try check(batch["logits"], rows: 0..<rows, "batch \(rows)")
        for r in 0..<rows {
            let one = Tensor(shape: [1] + rowShape, scalars: Array(values[(r * rowSize)..<((r + 1) * rowSize)]))
            try check(try executor.run(inputs: ["x": one])["logits"], rows: r..<(r + 1), "batch 1")
        }
    }
}
