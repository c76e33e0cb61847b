import AIRiskResults
import AIRiskXML
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
private let models = root.appendingPathComponent("Fixtures/models")

private func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("airisk-cli-\(UUID().uuidString)")
}

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

@Suite("assess, demo, report and validate")
struct AssessCommandTests {
    func assess(_ extra: [String]) -> [String] {
        [
            "assess", "--model", models.appendingPathComponent("softmax_digits.onnx").path,
            "--members", models.appendingPathComponent("softmax_digits.members.npz").path,
            "--nonmembers", models.appendingPathComponent("softmax_digits.nonmembers.npz").path,
            "--probes", "membership", "--profile", "quick", "--data-sensitivity", "low",
        ] + extra
    }

    @Test("--fail-on sets exit code 2 at or above the gate and 0 below it")
    func gating() async throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await run(assess(["--out", dir.path])) == 0)
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        let severity = doc.overallSeverity
        for gate in Gate.allCases {
            let expected: Int32 = severity >= gate.severity ? 2 : 0
            #expect(try await run(assess(["--out", dir.path, "--fail-on", gate.rawValue])) == expected, "\(gate)")
            #expect(
                try await run(["report", dir.appendingPathComponent("results.xml").path, "--fail-on", gate.rawValue])
                    == expected)
        }
    }

    @Test("--access scores --defenses l2:0.01 measures the retrain: the loader, not a downcast, gives the layer sizes")
    func trainingDefenseBehindScores() async throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await run(assess(["--out", dir.path, "--access", "scores", "--defenses", "l2:0.01"])) == 0)
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(doc.model.accessLevel == "scores")
        let l2 = try #require(doc.defenses.first { $0.name.hasSuffix("(l2:0.01)") }, "l2:0.01 is in the table")
        #expect(l2.evidence == .measured)
        #expect(l2.notes?.contains("Measured on a retrain, not the deployed model") == true)
        #expect(l2.measurements.contains { $0.probeID == "membership" && $0.metric == "Attack AUC" })
        let accuracy = try #require(l2.measurements.first { $0.probeID == "utility" })
        #expect(accuracy.before > 0.8 && accuracy.after > 0.8, "\(accuracy.before) → \(accuracy.after)")
    }

    @Test("bad input fails with a message naming the file, and writes nothing")
    func badInput() async throws {
        let dir = temporaryDirectory()
        let missing = models.appendingPathComponent("nope.npz").path
        await #expect {
            _ = try await run([
                "assess", "--model", models.appendingPathComponent("softmax_digits.onnx").path, "--members", missing,
                "--nonmembers", missing, "--out", dir.path,
            ])
        } throws: { error in
            "\(error)".contains("nope.npz")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test("demo writes every format; results and OSCAL validate; the page has the matrix, ROC and images")
    func demoEndToEnd() async throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await run(["demo", "--profile", "quick", "--out", dir.path]) == 0)
        for file in [
            "report.html", "results.xml", "oscal-assessment-results.xml", "results.json", "results.sarif", "junit.xml",
        ] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
        }
        #expect(try await run(["validate", dir.appendingPathComponent("results.xml").path]) == 0)
        let oscalSchema = try XMLSchema(
            contentsOf: root.appendingPathComponent(
                "AIRiskReportTests/Fixtures/oscal/oscal_assessment-results_schema.xsd"))
        let oscal = try Data(contentsOf: dir.appendingPathComponent("oscal-assessment-results.xml"))
        #expect(oscalSchema.validate(oscal, fileName: "oscal-assessment-results.xml").isEmpty)
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.contains("data:image/png;base64,"))
        #expect(html.contains("ROC"))
        #expect(!html.contains("<script"))
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(doc.probes.map(\.id) == ["membership", "inversion", "extraction"])
        #expect(doc.matrix.cells.count == 5)
        // Re-rendering from the XML alone reproduces the HTML.
        let again = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: again) }
        #expect(try await run(["report", dir.appendingPathComponent("results.xml").path, "--out", again.path]) == 0)
        let reRendered = try String(contentsOf: again.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(reRendered == html)
    }

    @Test("diff shows metric changes and gates on a severity regression")
    func diff() async throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let low = dir.appendingPathComponent("low")
        let high = dir.appendingPathComponent("high")
        // A model with measurable leakage: without it every finding is Note whatever the context.
        let leaky = { (args: [String]) in
            args.map { $0.replacingOccurrences(of: "softmax_digits", with: "mlp_digits_overfit") }
        }
        #expect(try await run(leaky(assess(["--out", low.path]))) == 0)
        var riskier = leaky(assess(["--out", high.path]))
        riskier[riskier.firstIndex(of: "low")!] = "high"
        #expect(try await run(riskier) == 0)
        let a = low.appendingPathComponent("results.xml").path
        let b = high.appendingPathComponent("results.xml").path
        let diff = ResultsDiff(
            old: try ResultsDocument.read(contentsOf: URL(fileURLWithPath: a)),
            new: try ResultsDocument.read(contentsOf: URL(fileURLWithPath: b)))
        #expect(diff.metrics.contains { $0.probe == "membership" && $0.old == $0.new })
        #expect(diff.headlines.contains { $0.probe == "membership" && $0.old != nil && $0.old == $0.new })
        #expect(try await run(["diff", a, b, "--fail-on-regression"]) == (diff.regressions.isEmpty ? 0 : 2))
        #expect(!diff.regressions.isEmpty, "declaring high sensitivity raises impact and severity")
        #expect(try await run(["diff", b, a, "--fail-on-regression"]) == 0)
    }
}
