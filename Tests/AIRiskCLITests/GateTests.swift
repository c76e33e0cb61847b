import AIRiskResults
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

private let models = FixtureModels.directory

/// Runs a command line in-process; returns the exit code it would end with.
private func run(_ arguments: [String]) async throws -> Int32 {
    var command = try AIRiskCommand.parseAsRoot(arguments)
    do {
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        return 0
    } catch let exit as ExitCode {
        return exit.rawValue
    }
}

/// A failed or incomplete assessment never passes: exit 1 when no selected probe ran, and with a gate
/// when a probe failed; JUnit and OSCAL list the failure.
@Suite("Gate on incomplete assessments")
struct GateTests {
    @Test(
        "no probe ran (inversion on a model with categorical inputs): exit 1 with and without a gate; JUnit has an error"
    )
    func nothingRan() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-gate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipelines = models.appendingPathComponent("pipelines")
        let args = [
            "assess", "--model", pipelines.appendingPathComponent("credit_pipeline.onnx").path,
            "--members", pipelines.appendingPathComponent("credit_pipeline.members.csv").path,
            "--nonmembers", pipelines.appendingPathComponent("credit_pipeline.nonmembers.csv").path,
            "--label-column", "default", "--probes", "inversion", "--profile", "quick", "--out", dir.path,
        ]
        #expect(try await run(args) == 1)
        #expect(try await run(args + ["--fail-on", "critical"]) == 1)
        let results = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(!results.status.isComplete)
        let junit = try String(contentsOf: dir.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.contains("assessment-incomplete"))
        #expect(try await run(["report", dir.appendingPathComponent("results.xml").path, "--fail-on", "low"]) == 1)
    }

    @Test(
        "an endpoint that stops answering after the set-up query: every probe fails, exit 1, errors in JUnit and OSCAL")
    func endpointNeverAnswers() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-gate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = """
            import sys, json
            first = True
            for line in sys.stdin:
                n = len(json.loads(line)["instances"])
                if first:
                    print(json.dumps({"predictions": [[0.1] * 10 for _ in range(n)]}))
                    first = False
                else:
                    print(json.dumps({"error": "this model takes one row at a time"}))
                sys.stdout.flush()
            """
        let scriptURL = dir.appendingPathComponent("model.py")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let code = try await run([
            "assess", "--model-cmd", "python3 \(scriptURL.path)",
            "--members", models.appendingPathComponent("softmax_digits.members.npz").path,
            "--nonmembers", models.appendingPathComponent("softmax_digits.nonmembers.npz").path,
            "--probes", "membership,extraction", "--profile", "quick", "--max-attempts", "1", "--timeout", "5",
            "--out", out.path, "--fail-on", "critical",
        ])
        #expect(code == 1)
        let results = try ResultsDocument.read(contentsOf: out.appendingPathComponent("results.xml"))
        #expect(!results.anyProbeRan)
        #expect(results.failedProbes.count == 2)
        let junit = try String(contentsOf: out.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.contains("probe-failed"))
        let oscal = try String(contentsOf: out.appendingPathComponent("oscal-assessment-results.xml"), encoding: .utf8)
        #expect(oscal.contains("not assessed (the probe failed)"))
    }

    @Test("a query budget too small for any probe: exit 1 without a gate")
    func budgetTooSmall() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-gate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let code = try await run([
            "assess", "--model", models.appendingPathComponent("softmax_digits.onnx").path,
            "--members", models.appendingPathComponent("softmax_digits.members.npz").path,
            "--nonmembers", models.appendingPathComponent("softmax_digits.nonmembers.npz").path,
            "--probes", "membership,extraction", "--profile", "quick", "--query-budget", "1", "--out", dir.path,
        ])
        #expect(code == 1)
        let results = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(results.findings.isEmpty)
        #expect(results.failedProbes.map(\.id) == ["membership", "extraction"])
    }

    @Test("exit codes: incomplete 1, finding at the gate 2, otherwise 0")
    func exitCodes() throws {
        func results(_ statuses: [ProbeStatus], severity: Severity?) -> AssessmentResults {
            var r = AssessmentResults(
                tool: ToolInfo(name: "airisk", version: "test"), generatedAt: Date(timeIntervalSince1970: 0), seed: 0,
                profile: "quick", dataSensitivity: .medium,
                model: ModelIdentity(
                    name: "m", sourceKind: .file, location: "m.onnx", inputShape: [], outputKind: "probabilities",
                    accessLevel: "scores"),
                environment: EnvironmentInfo(operatingSystem: "test", cpuCount: 1, swiftVersion: "6"))
            r.probes = statuses.enumerated().map {
                ProbeResult(id: "p\($0.offset)", title: "P", accessAssumed: "", seed: 0, status: $0.element)
            }
            if let severity {
                r.findings = [
                    Finding(
                        id: "f", probeID: "p0", title: "t", severity: severity, likelihood: RiskFactor(score: 5),
                        impact: RiskFactor(score: 5), rationale: "", stageID: "", classID: "",
                        owasp: Reference(id: "ML04", name: ""), atlas: Reference(id: "", name: ""), nistSection: "")
                ]
            }
            return r
        }
        #expect(Gate.exitCode(results([.failed(error: "x")], severity: nil), gate: nil) == 1)
        #expect(Gate.exitCode(results([.skipped(reason: "x")], severity: nil), gate: nil) == 1)
        #expect(Gate.exitCode(results([.ran, .failed(error: "x")], severity: .low), gate: nil) == 0)
        #expect(Gate.exitCode(results([.ran, .failed(error: "x")], severity: .low), gate: .critical) == 1)
        #expect(Gate.exitCode(results([.ran], severity: .high), gate: .medium) == 2)
        #expect(Gate.exitCode(results([.ran], severity: .low), gate: .medium) == 0)
    }
}
