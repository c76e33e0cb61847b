import AIRiskResults
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

@Suite("assess on regressors")
struct RegressionAssessTests {
    func run(_ arguments: [String]) async throws {
        var command = try AIRiskCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    func assess(_ name: String, out: URL) -> [String] {
        [
            "assess", "--model", FixtureModels.url(name, ".onnx").path,
            "--members", FixtureModels.url(name, ".members.npz").path,
            "--nonmembers", FixtureModels.url(name, ".nonmembers.npz").path,
            "--population", FixtureModels.url(name, ".population.npz").path,
            "--probes", "membership,extraction", "--profile", "quick", "--seed", "3", "--out", out.path,
        ]
    }

    @Test(
        "membership and extraction run on a regressor: the squared-error attack, the MSE metrics, a valid results.xml",
        arguments: ["mlp_regressor_diabetes", "mlp_regressor_multi"])
    func regressorAssessed(name: String) async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-cli-regression")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await run(assess(name, out: dir))
        try await run(["validate", dir.appendingPathComponent("results.xml").path])
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        // 3 float targets per row against 3 unnormalised outputs: read as a regressor, not as 3 classes.
        #expect(doc.model.outputKind == "regression")
        let membership = try #require(doc.probes.first { $0.id == "membership" })
        #expect(membership.status == .ran)
        let auc = try #require(membership.metric(.membershipAUC)).value
        #expect(auc > 0.6, "\(name): membership AUC \(auc)")
        let train = try #require(membership.metric(.membershipTrainMSE)).value
        let test = try #require(membership.metric(.membershipTestMSE)).value
        #expect(train < test)
        #expect(membership.metric(.membershipTrainAccuracy) == nil)
        let perRecord = try #require(membership.tables.first { $0.title.hasPrefix("Per-record scores") })
        #expect(!perRecord.columns.contains("Label"))
        #expect(perRecord.rows.count == 150)
        let extraction = try #require(doc.probes.first { $0.id == "extraction" })
        #expect(extraction.status == .ran)
    }
}
