import AIRiskAssessment
import AIRiskResults
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

private let models = FixtureModels.directory
private let repository = models.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `assess --reference-cmd`: reference models trained by the user's own command (issue 19, point 3).
@Suite("reference models from the user's pipeline")
struct ReferenceCommandTests {
    /// Whether `python3` on PATH has scikit-learn and skl2onnx (CI installs them in its venv).
    static let sklearnAvailable = TestEnvironment.pythonImports("numpy, sklearn, skl2onnx")

    static func arguments(_ command: String, _ extra: [String], out: URL) -> [String] {
        let m = "mlp_digits_overfit"
        return [
            "assess", "--model", models.appendingPathComponent("\(m).onnx").path,
            "--members", models.appendingPathComponent("\(m).members.npz").path,
            "--nonmembers", models.appendingPathComponent("\(m).nonmembers.npz").path,
            "--population", models.appendingPathComponent("\(m).population.npz").path,
            "--probes", "membership", "--profile", "quick", "--reference-cmd", command, "--out", out.path,
        ] + extra
    }

    /// Runs assess and returns the error it ended with (nil when it finished).
    static func run(_ arguments: [String]) async throws -> (any Error)? {
        var command = try #require(try AIRiskCommand.parseAsRoot(arguments) as? AsyncParsableCommand)
        do {
            try await command.run()
            return nil
        } catch let exit as ExitCode where exit.rawValue != 1 {
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a scikit-learn training script trains the references; LiRA and RMIA run on them and say where they came from",
        .enabled(if: sklearnAvailable, "python3 with numpy, scikit-learn and skl2onnx is not on PATH"),
        .timeLimit(.minutes(TestEnvironment.minutes(10))))
    func trainsWithTheUsersScript() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-refcmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let script = repository.appendingPathComponent("scripts/train_reference_mlp.py").path
        let error = try await Self.run(
            Self.arguments(
                "python3 '\(script)' --max-iter 150", ["--reference-count", "2", "--reference-jobs", "2"], out: out))
        #expect(error == nil, "\(String(describing: error))")
        let results = try ResultsDocument.read(contentsOf: out.appendingPathComponent("results.xml"))
        let membership = try #require(results.probes.first { $0.id == "membership" })
        #expect(membership.status == .ran)
        #expect(membership.notes.contains { $0.contains("trained by --reference-cmd") }, "\(membership.notes)")
        let xml = try String(contentsOf: out.appendingPathComponent("results.xml"), encoding: .utf8)
        #expect(xml.contains("RMIA online") && xml.contains("LiRA online"), "both attacks read the two references")
    }

    @Test("a command that fails is tried again, then ends the run with its status and the end of its output")
    func failingCommand() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-refcmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let error = try await Self.run(
            Self.arguments("sh -c 'echo boom: no GPU >&2; exit 3' sh", ["--reference-count", "2"], out: out))
        let text = "\(error.map { "\($0)" } ?? "no error")"
        #expect(text.contains("exited with status 3"), "\(text)")
        #expect(text.contains("attempt 2 of 2"))
        #expect(text.contains("boom: no GPU"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("results.xml").path))
    }

    @Test("a command that runs too long is stopped at --reference-timeout; one that writes no model is an error")
    func timeoutAndNoModel() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-refcmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        // The command writes its pid, then sleeps: the timeout must stop it (not wait for it).
        let pidFile = out.deletingLastPathComponent().appendingPathComponent("refcmd-\(UUID().uuidString).pid")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let slow = try await Self.run(
            Self.arguments(
                "sh -c 'echo $$ > \"$0\"; exec sleep 600' '\(pidFile.path)'",
                ["--reference-count", "1", "--reference-timeout", "1", "--reference-retries", "0"], out: out))
        #expect("\(slow.map { "\($0)" } ?? "")".contains("did not finish within 1 s"))
        let pid = try #require(
            (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap {
                pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }, "the command did not start")
        #expect(kill(pid, 0) != 0, "the timed-out command (pid \(pid)) is still running")
        let silent = try await Self.run(Self.arguments("true", ["--reference-count", "1"], out: out))
        #expect("\(silent.map { "\($0)" } ?? "")".contains("wrote no ref_00.onnx"))
    }
}
