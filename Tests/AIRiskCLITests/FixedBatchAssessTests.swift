import AIRiskResults
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

private let models = FixtureModels.directory

@Suite("assess on a fixed-batch export")
struct FixedBatchAssessTests {
    @Test(
        "--profile quick runs membership and extraction on a model whose input declares batch 1 or 2",
        arguments: ["softmax_digits_batch1", "softmax_digits_batch2"])
    func assessesFixedBatch(name: String) async throws {
        let results = try await QuickAssessment.run(
            model: name, data: "softmax_digits", extension: "npz", in: models, extra: ["--data-sensitivity", "low"])
        #expect(results.model.name == "\(name).onnx")
    }
}
