import AIRiskResults
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

/// `airisk assess` on PyTorch's recurrent exports (scripts/make_sequence_fixtures.py), the way a user runs it: an LSTM
/// with per-step class probabilities and a GRU with six regression outputs.
@Suite("assess: sequence models")
struct SequenceModelsAssessTests {
    static func arguments(model: String, data: String, out: URL) -> [String] {
        let d = FixtureModels.directory.appendingPathComponent("sequence")
        return [
            "assess", "--model", d.appendingPathComponent("\(model).onnx").path,
            "--members", d.appendingPathComponent("\(data).members.npz").path,
            "--nonmembers", d.appendingPathComponent("\(data).nonmembers.npz").path,
            "--population", d.appendingPathComponent("\(data).population.npz").path,
            "--probes", "membership,extraction", "--profile", "quick", "--out", out.path,
        ]
    }

    static func run(_ arguments: [String]) async throws {
        var command = try #require(try AIRiskCommand.parseAsRoot(arguments) as? AsyncParsableCommand)
        do {
            try await command.run()
        } catch let exit as ExitCode where exit.rawValue != 1 {
            // --fail-on is not given: a finding's severity does not fail the run.
        }
    }

    static func attackNames(_ probe: ProbeResult) -> [String] {
        (probe.tables.first { $0.id == .membershipAttacksTable }?.rows ?? []).compactMap { row -> String? in
            if case .text(let s)? = row.first { return s }
            return nil
        }
    }

    @Test(
        "the LSTM: membership on the final step, per step and at the leakiest step; extraction copies it",
        .timeLimit(.minutes(TestEnvironment.minutes(10))))
    func lstm() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-cli-lstm")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.run(Self.arguments(model: "lstm_digits", data: "digits", out: dir))
        try await Self.run(["validate", dir.appendingPathComponent("results.xml").path])
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(doc.model.outputKind == "sequence")
        let membership = try #require(doc.probes.first { $0.id == "membership" })
        #expect(membership.status == .ran)
        let names = Self.attackNames(membership)
        #expect(names.contains("loss threshold, leakiest step") && names.contains("RMIA online"), "\(names)")
        let steps = try #require(membership.tables.first { $0.title == "Loss attack at each step (sequence model)" })
        #expect(steps.rows.count == 8)
        #expect(membership.notes.first { $0.contains("answers class scores at each of 8 steps") } != nil)
        let auc = try #require(membership.metrics.first { $0.id == .membershipAUC })
        #expect((auc.ciLow ?? 0) > 0.6, "an overfit LSTM leaks: \(auc.value) [\(auc.ciLow ?? 0), \(auc.ciHigh ?? 0)]")
        #expect(doc.probes.first { $0.id == "extraction" }?.status == .ran)
    }

    @Test(
        "the GRU with six outputs is assessed as a regressor: loss, LiRA and RMIA on its residuals",
        .timeLimit(.minutes(TestEnvironment.minutes(10))))
    func gru() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-cli-gru")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.run(Self.arguments(model: "gru_air", data: "air", out: dir))
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(doc.model.outputKind == "regression")
        let membership = try #require(doc.probes.first { $0.id == "membership" })
        #expect(membership.status == .ran)
        let names = Self.attackNames(membership)
        #expect(names.contains("squared-error threshold") && names.contains("RMIA online"), "\(names)")
        #expect(membership.metrics.contains { $0.id == .membershipTestMSE })
        #expect(doc.probes.first { $0.id == "extraction" }?.status == .ran)
    }
}
