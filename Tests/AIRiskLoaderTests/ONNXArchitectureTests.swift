import AIRiskAssessment
import AIRiskONNX
import Foundation
import Testing

@testable import AIRiskLoader

@Suite("ONNX architecture")
struct ONNXArchitectureTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/models")

    @Test(
        "MLPs and logistic models are recognised, with whether they scale their inputs; trees are not",
        arguments: [
            ("mlp_digits_overfit", [256] as [Int]?, false), ("softmax_digits", [], false),
            ("logreg_breast_cancer", [], true), ("random_forest_digits", nil, false),
        ])
    func recognises(name: String, hidden: [Int]?, scales: Bool) throws {
        let model = try ONNXModel.load(contentsOf: Self.models.appendingPathComponent("\(name).onnx"))
        #expect(ONNXArchitecture.read(model) == hidden.map { MLPArchitecture(hiddenSizes: $0, scalesInputs: scales) })
    }
}
