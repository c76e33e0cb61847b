import AIRiskONNX
import AIRiskTestSupport
import Testing

@testable import AIRiskAssessment

@Suite("Target architecture")
struct TargetArchitectureTests {
    @Test(
        "MLPs and logistic models are recognised; trees are not",
        arguments: [
            ("mlp_digits_overfit", [256] as [Int]?), ("softmax_digits", []), ("logreg_breast_cancer", []),
            ("random_forest_digits", nil),
        ])
    func recognises(name: String, hidden: [Int]?) throws {
        let model = try FixtureModels.access(name).model
        #expect(TargetArchitecture.hiddenSizes(of: model) == hidden)
    }
}
