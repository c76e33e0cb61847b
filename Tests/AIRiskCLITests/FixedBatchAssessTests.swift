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
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-fixed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let command = try AIRiskCommand.parseAsRoot([
            "assess", "--model", models.appendingPathComponent(name + ".onnx").path,
            "--members", models.appendingPathComponent("softmax_digits.members.npz").path,
            "--nonmembers", models.appendingPathComponent("softmax_digits.nonmembers.npz").path,
            "--population", models.appendingPathComponent("softmax_digits.population.npz").path,
            "--probes", "membership,extraction", "--profile", "quick", "--data-sensitivity", "low",
            "--out", dir.path,
        ])
        var asyncCommand = try #require(command as? AsyncParsableCommand)
        do {
            try await asyncCommand.run()
        } catch let exit as ExitCode {
            // A finding at the default gate is fine; an incomplete assessment (1) is not.
            #expect(exit.rawValue != 1)
        }
        let results = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(results.failedProbes.isEmpty, "\(results.failedProbes.map { "\($0.id): \($0.status)" })")
        for probe in ["membership", "extraction"] {
            let p = try #require(results.probes.first { $0.id == probe }, "\(probe) missing")
            #expect(p.status == .ran, "\(probe): \(p.status)")
            #expect(p.queries.rows > 0, "\(probe) measured nothing")
        }
    }
}
