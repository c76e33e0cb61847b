import AIRiskAccess
import AIRiskData
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskONNX

/// XGBoost and LightGBM classifiers trained on data with missing values and converted with onnxmltools, and a CatBoost
/// classifier exported by CatBoost's own exporter (scripts/make_pipeline_fixtures.py): they route NaN down their trees,
/// so their data is assessed as it is.
@Suite("models that handle missing values")
struct MissingValueModelTests {
    static let directory = FixtureModels.directory.appendingPathComponent("pipelines")

    struct Expected: Decodable {
        var label: [Int]
        var probabilities: [[Double]]
        var missing_in_rows: Int
    }

    @Test(
        "rows with NaN get onnxruntime's answers, and the model says it handles missing values",
        arguments: ["xgboost_nan", "lightgbm_nan", "catboost_nan"])
    func predictsWithMissingValues(name: String) async throws {
        let file = name == "catboost_nan" ? "catboost.expected.json" : "boosted.expected.json"
        let all = try JSONDecoder().decode(
            [String: Expected].self, from: Data(contentsOf: Self.directory.appendingPathComponent(file)))
        let want = try #require(all[name])
        #expect(want.missing_in_rows > 0, "the compared rows include missing values")
        let model = try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: Self.directory.appendingPathComponent("\(name).onnx")), name: name)
        #expect(model.description.handlesMissingValues)
        let data = try DatasetLoader.load(
            url: Self.directory.appendingPathComponent("breast_cancer_nan.nonmembers.npz"), missingValues: .keep)
        let rows = want.label.count
        let values = try #require(data.features.floats)
        let out = try await model.predict(Tensor(shape: [rows, 30], scalars: Array(values[0..<(rows * 30)])))
        #expect(out.labels == want.label)
        for r in 0..<rows {
            for c in 0..<2 {
                let a = Double(out.scores[r * 2 + c])
                let b = want.probabilities[r][c]
                #expect(abs(a - b) <= 1e-5 * max(1, abs(b)), "row \(r) class \(c): \(a) vs onnxruntime \(b)")
            }
        }
    }

    @Test("a network does not claim to handle missing values")
    func networkDoesNot() throws {
        let model = try FixtureModels.access("softmax_digits")
        #expect(!model.description.handlesMissingValues)
    }
}
