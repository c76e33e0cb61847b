import AIRiskAccess
import AIRiskData
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskONNX

/// LinearSVC and SVC without probabilities, converted with skl2onnx's defaults (scripts/make_pipeline_fixtures.py):
/// the output skl2onnx names "probabilities" holds decision scores, read as logits whose arg-max is the label.
@Suite("SVM decision scores")
struct DecisionScoreTests {
    static let directory = FixtureModels.directory.appendingPathComponent("pipelines")

    struct Expected: Decodable {
        var data: String
        var opset: Int
        var label: [Int]
        var scores: [[Double]]
        /// scikit-learn's decision_function: one value per row (binary) or one per class.
        var decision_function: JSONNumbers
    }

    /// A flat list of numbers from a JSON array of numbers or of arrays of numbers.
    struct JSONNumbers: Decodable {
        var values: [Double]
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let flat = try? c.decode([Double].self) {
                values = flat
            } else {
                values = try c.decode([[Double]].self).flatMap { $0 }
            }
        }
    }

    static func expected() throws -> [String: Expected] {
        try JSONDecoder().decode(
            [String: Expected].self, from: Data(contentsOf: directory.appendingPathComponent("svm.expected.json")))
    }

    @Test(
        "decision scores are logits whose arg-max is onnxruntime's label and whose class-1 evidence is scikit-learn's",
        arguments: ["linsvc_binary", "linsvc_iris", "svc_binary"])
    func decisionScores(name: String) async throws {
        let want = try #require(try Self.expected()[name])
        let model = try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: Self.directory.appendingPathComponent("\(name).onnx")), name: name)
        #expect(model.description.outputKind == .logits, "\(name) answers decision scores, not probabilities")
        let data = try DatasetLoader.load(url: Self.directory.appendingPathComponent("\(want.data).nonmembers.npz"))
        let d = model.description.featureCount
        let values = try #require(data.features.floats)
        let rows = want.label.count
        let out = try await model.predict(Tensor(shape: [rows, d], scalars: Array(values[0..<(rows * d)])))
        let width = out.width
        #expect(width == max(2, want.scores[0].count))
        let argmax = (0..<rows).map { r in (0..<width).max { out.scores[r * width + $0] < out.scores[r * width + $1] } }
        #expect(argmax == want.label, "the arg-max of the logits is the model's label")
        #expect(out.labels == want.label)
        let decision = want.decision_function.values
        for r in 0..<rows {
            if decision.count == rows {
                // Binary: class 1's logit minus class 0's is scikit-learn's decision_function.
                let margin = Double(out.scores[r * width + 1] - out.scores[r * width])
                let expected = name == "svc_binary" ? 2 * decision[r] : decision[r]
                #expect(abs(margin - expected) <= 1e-4 * max(1, abs(expected)), "row \(r): \(margin) vs \(expected)")
            } else {
                for c in 0..<width {
                    let a = Double(out.scores[r * width + c])
                    let b = decision[r * width + c]
                    #expect(abs(a - b) <= 1e-4 * max(1, abs(b)), "row \(r) class \(c): \(a) vs \(b)")
                }
            }
        }
    }

    @Test("skl2onnx's default opset for LinearSVC (22) loads")
    func opset22() throws {
        #expect(try Self.expected()["linsvc_binary"]?.opset == 22)
    }

    struct Neighbours: Decodable {
        var data: String
        var label: [Int]
        var probabilities: [[Double]]
    }

    @Test("a 5-nearest-neighbours export (Scan, TopK, ReduceSumSquare) answers as onnxruntime does")
    func nearestNeighbours() async throws {
        let want = try #require(
            try JSONDecoder().decode(
                [String: Neighbours].self,
                from: Data(contentsOf: Self.directory.appendingPathComponent("knn.expected.json")))["knn_binary"])
        let model = try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: Self.directory.appendingPathComponent("knn_binary.onnx")), name: "knn")
        let data = try DatasetLoader.load(url: Self.directory.appendingPathComponent("\(want.data).nonmembers.npz"))
        let rows = want.label.count
        let values = try #require(data.features.floats)
        let out = try await model.predict(Tensor(shape: [rows, 30], scalars: Array(values[0..<(rows * 30)])))
        #expect(out.labels == want.label)
        for r in 0..<rows {
            for c in 0..<2 {
                #expect(abs(Double(out.scores[r * 2 + c]) - want.probabilities[r][c]) <= 1e-5, "row \(r) class \(c)")
            }
        }
    }
}
