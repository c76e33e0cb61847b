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
        "MLPs and logistic models are recognised; trees are not",
        arguments: [
            ("mlp_digits_overfit", [256] as [Int]?), ("softmax_digits", []), ("logreg_breast_cancer", []),
            ("random_forest_digits", nil),
        ])
    func recognises(name: String, hidden: [Int]?) throws {
        let model = try ONNXModel.load(contentsOf: Self.models.appendingPathComponent("\(name).onnx"))
        #expect(ONNXArchitecture.read(model) == hidden.map(MLPArchitecture.init(hiddenSizes:)))
    }
}
