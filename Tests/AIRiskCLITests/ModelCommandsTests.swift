import AIRiskAccess
import AIRiskData
import AIRiskONNX
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskCLI

private let models = FixtureModels.directory

@Suite("inspect and predict")
struct ModelCommandsTests {
    @Test(
        "inspect describes every fixture",
        arguments: [
            ("logreg_breast_cancer", "white-box", "2 classes"),
            ("softmax_digits", "white-box", "10 classes"),
            ("mlp_digits_overfit", "white-box", "10 classes"),
            ("random_forest_digits", "scores", "no input gradients"),
            ("mlp_regressor_diabetes", "white-box", "regression"),
        ])
    func inspects(name: String, access: String, mention: String) throws {
        let i = try ModelInspection(url: models.appendingPathComponent(name + ".onnx"))
        #expect(i.accessLevel == access)
        #expect(i.text.contains(mention), "\(i.text)")
        #expect(i.unsupportedOperators.isEmpty)
        #expect(i.parameterCount > 0)
        #expect(i.sha256.count == 64)
    }

    @Test("a producer version that is a whole build log (CatBoost's) shows as its first line")
    func multiLineProducer() throws {
        let i = try ModelInspection(url: models.appendingPathComponent("pipelines/catboost_nan.onnx"))
        #expect(i.producer.contains("\n"), "the fixture's exporter records several lines")
        let line = try #require(i.text.split(separator: "\n").first { $0.hasPrefix("Producer") })
        #expect(line.hasPrefix("Producer   CatBoost") && line.contains("…") && line.hasSuffix("IR version 3"))
        #expect(i.text.split(separator: "\n").count < 20, "\(i.text)")
    }

    @Test("predict renders labels and probabilities as CSV")
    func predictsCSV() async throws {
        let dataset = try AIRiskData.DatasetLoader.load(
            url: models.appendingPathComponent("logreg_breast_cancer.members.csv"))
        let model = try AIRiskONNX.ONNXModelAccess(
            model: .load(contentsOf: models.appendingPathComponent("logreg_breast_cancer.onnx")))
        let out = try await PredictCommand.predictAll(model, dataset.features, batch: 64)
        #expect(out.rows == dataset.rowCount)
        let csv = try PredictCommand.render(out, description: model.description, format: .csv)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "row,label,p_0,p_1")
        #expect(lines.count == dataset.rowCount + 1)
    }

    @Test("a data file with the wrong width is refused naming both shapes")
    func refusesWrongWidth() throws {
        let input = try ModelDataArguments.parse([
            models.appendingPathComponent("softmax_digits.onnx").path,
            models.appendingPathComponent("logreg_breast_cancer.members.csv").path,
        ])
        #expect {
            _ = try input.load()
        } throws: { error in
            let s = "\(error)"
            return s.contains("30 features") && s.contains("64 features")
        }
    }
}
