import AIRiskAccess
import AIRiskData
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskONNX

/// PyTorch models exported with the default (dynamo) exporter, weights in `NAME.onnx.data`
/// (scripts/make_torch_fixtures.py): an MLP with LayerNorm and GELU on digits, and a two-layer BERT-style encoder on
/// token ids.
@Suite("PyTorch exports")
struct TorchExportTests {
    static let directory = FixtureModels.directory.appendingPathComponent("torch")

    struct Expected: Decodable {
        struct Model: Decodable {
            var opset: Int
            var operators: [String]
            var logits: [[Double]]
        }
        var models: [String: Model]
    }

    @Test(
        "the default exporter's files load and answer as onnxruntime does",
        arguments: [("mlp_digits", "digits"), ("cnn_digits", "digits_images"), ("tiny_bert", "tokens")])
    func answersLikeOnnxruntime(name: String, data: String) async throws {
        let want = try #require(
            try JSONDecoder().decode(
                Expected.self, from: Data(contentsOf: Self.directory.appendingPathComponent("expected.json"))
            ).models[name])
        #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent("\(name).onnx.data").path))
        let model = try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: Self.directory.appendingPathComponent("\(name).onnx")), name: name)
        #expect(model.description.outputKind == .logits)
        let rows = want.logits.count
        let d = model.description.featureCount
        let ds = try DatasetLoader.load(url: Self.directory.appendingPathComponent("\(data).nonmembers.npz"))
        let values = try #require(ds.features.floats)
        let out = try await model.predict(
            Tensor(shape: [rows] + model.description.inputShape, scalars: Array(values[0..<(rows * d)])))
        let width = out.width
        for r in 0..<rows {
            for c in 0..<width {
                let a = Double(out.scores[r * width + c])
                let b = want.logits[r][c]
                #expect(abs(a - b) <= 1e-4 * max(1, abs(b)), "\(name) row \(r) logit \(c): \(a) vs onnxruntime \(b)")
            }
        }
        if name == "tiny_bert" {
            let columns = try #require(model.description.inputColumns)
            #expect(columns.count == 16 && columns.allSatisfy { $0.domain == .integer }, "token ids are integers")
        } else {
            #expect(
                model.description.providesInputGradients, "Gemm, LayerNorm, GELU, Conv and MaxPool are differentiable")
        }
    }
}
