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

    @Test("the 3-output regressor's splits saved by pandas, with --label-column t0,t1,t2, assess as the .npz files do")
    func multiOutputCSV() async throws {
        let name = "mlp_regressor_multi"
        let csv = try makeTemporaryDirectory(prefix: "airisk-cli-regression-csv")
        let npz = try makeTemporaryDirectory(prefix: "airisk-cli-regression-npz")
        defer {
            try? FileManager.default.removeItem(at: csv)
            try? FileManager.default.removeItem(at: npz)
        }
        try await run(
            [
                "assess", "--model", FixtureModels.url(name, ".onnx").path,
                "--members", FixtureModels.url(name, ".members.csv").path,
                "--nonmembers", FixtureModels.url(name, ".nonmembers.csv").path,
                "--population", FixtureModels.url(name, ".population.csv").path, "--label-column", "t0,t1,t2",
                "--probes", "membership,extraction", "--profile", "quick", "--seed", "3", "--out", csv.path,
            ])
        try await run(assess(name, out: npz))
        let fromCSV = try ResultsDocument.read(contentsOf: csv.appendingPathComponent("results.xml"))
        let fromNPZ = try ResultsDocument.read(contentsOf: npz.appendingPathComponent("results.xml"))
        #expect(fromCSV.model.outputKind == "regression")
        let a = try #require(fromCSV.probes.first { $0.id == "membership" })
        let b = try #require(fromNPZ.probes.first { $0.id == "membership" })
        for id in [MetricID.membershipAUC, .membershipTrainMSE, .membershipTestMSE] {
            let x = try #require(a.metric(id)).value
            let y = try #require(b.metric(id)).value
            #expect(abs(x - y) <= 1e-6 * max(1, abs(y)), "\(id): CSV \(x) vs .npz \(y)")
        }
        #expect(fromCSV.probes.first { $0.id == "extraction" }?.status == .ran)
    }
}
