import AIRiskData
import AIRiskResults
import AIRiskTensor
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

private let models = FixtureModels.directory

/// Parses and runs a command line in-process; returns the exit code, or throws the error it ends with.
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

/// The message a command line fails with (a parse or validation error, or an error the command throws).
private func failure(_ arguments: [String]) async -> String? {
    do {
        let code = try await run(arguments)
        return code == 0 ? nil : "exit \(code)"
    } catch {
        return AIRiskCommand.message(for: error)
    }
}

/// Flag and plan values out of range, paths that are not files, data that needs a hint, and what `validate`
/// says about files that are not results documents (issue 14 points 5–6, issue 15 findings 5, 12, 13).
@Suite("Input validation on the command line")
struct InputValidationTests {
    static let softmax = models.appendingPathComponent("softmax_digits.onnx").path
    static let members = models.appendingPathComponent("softmax_digits.members.npz").path
    static let nonmembers = models.appendingPathComponent("softmax_digits.nonmembers.npz").path

    @Test("an unknown --data-sensitivity is refused naming the option and the accepted values")
    func dataSensitivity() async {
        let message = await failure([
            "assess", "--model", Self.softmax, "--members", Self.members, "--nonmembers", Self.nonmembers,
            "--data-sensitivity", "extreme",
        ])
        #expect(message?.contains("--data-sensitivity") == true, "\(message ?? "no error")")
        #expect(message?.contains("extreme") == true && message?.contains("medium") == true, "\(message ?? "")")
    }

    @Test(
        "endpoint limits out of range are refused before anything runs",
        arguments: [
            (["--timeout", "1e10"], "--timeout must be a number of seconds in 0.001…86400"),
            (["--timeout", "inf"], "--timeout must be a number of seconds"),
            (["--timeout", "nan"], "--timeout must be a number of seconds"),
            (["--rate", "1e-300"], "--rate must be a number of requests per second"),
            (["--batch", "0"], "--batch must be in 1…"),
            (["--concurrency", "100000"], "--concurrency must be in 1…1024"),
        ])
    func endpointLimits(_ flags: [String], _ expected: String) async {
        let message = await failure(
            [
                "assess", "--endpoint", "http://127.0.0.1:9/v2/models/m/infer", "--members", Self.members,
                "--nonmembers", Self.nonmembers,
            ] + flags)
        #expect(message?.contains(expected) == true, "\(message ?? "no error")")
    }

    @Test("an input shape whose size overflows, or has a zero dimension, is refused")
    func inputShape() async {
        for (shape, expected) in [
            ("4294967296,4294967296", "asks for more than 16777216 values per row"),
            ("0,8", "every dimension must be at least 1"),
        ] {
            let message = await failure(
                [
                    "assess", "--model", Self.softmax, "--members", Self.members, "--nonmembers", Self.nonmembers,
                    "--input-shape", shape,
                ])
            #expect(message?.contains(expected) == true, "\(message ?? "no error")")
        }
    }

    @Test("a directory or a named pipe given as the model, data, plan or policy is refused naming the flag")
    func notRegularFiles() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-input")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipe = dir.appendingPathComponent("model.onnx")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        let npzDirectory = dir.appendingPathComponent("members.npz")
        try FileManager.default.createDirectory(at: npzDirectory, withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (
                ["--model", pipe.path, "--members", Self.members, "--nonmembers", Self.nonmembers],
                "--model \(pipe.path): it is a named pipe (FIFO)"
            ),
            (
                ["--model", Self.softmax, "--members", npzDirectory.path, "--nonmembers", Self.nonmembers],
                "--members \(npzDirectory.path): it is a directory"
            ),
            (["--plan", dir.path], "--plan \(dir.path): it is a directory"),
            (
                [
                    "--model", Self.softmax, "--members", Self.members, "--nonmembers", Self.nonmembers,
                    "--policy", pipe.path,
                ], "--policy \(pipe.path): it is a named pipe"
            ),
            (
                [
                    "--model", Self.softmax, "--members", Self.members, "--nonmembers", Self.nonmembers,
                    "--members-labels", dir.appendingPathComponent("nope.npy").path,
                ], "nope.npy"
            ),
        ]
        let credential: ([String], String) = (
            [
                "--endpoint", "http://127.0.0.1:9/v2/models/m/infer", "--header-file", "Authorization=\(pipe.path)",
                "--members", Self.members, "--nonmembers", Self.nonmembers,
            ],
            "--header-file \(pipe.path): it is a named pipe"
        )
        for (flags, expected) in cases + [credential] {
            let message = await failure(["assess"] + flags)
            #expect(message?.contains(expected) == true, "\(message ?? "no error")")
        }
        let inspect = await failure(["inspect", NSTemporaryDirectory()])
        #expect(inspect?.contains("it is a directory, not a regular file") == true, "\(inspect ?? "no error")")
        let inspectPipe = await failure(["inspect", pipe.path])
        #expect(inspectPipe?.contains("named pipe") == true, "\(inspectPipe ?? "no error")")
    }

    @Test("an assessment from features-only .npy files with --members-labels and --nonmembers-labels")
    func labelsFiles() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-input")
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (name, source) in [("members", Self.members), ("nonmembers", Self.nonmembers)] {
            let arrays = try NPZArchive(contentsOf: URL(fileURLWithPath: source)).arrays()
            let x = dir.appendingPathComponent("\(name)_x.npy")
            let y = dir.appendingPathComponent("\(name)_y.npy")
            try NPYWriter.write(try #require(arrays["x"]), to: x)
            try NPYWriter.write(try #require(arrays["y"]), to: y)
            paths += [x.path, y.path]
        }
        let out = dir.appendingPathComponent("out")
        let code = try await run([
            "assess", "--model", Self.softmax, "--members", paths[0], "--members-labels", paths[1],
            "--nonmembers", paths[2], "--nonmembers-labels", paths[3], "--probes", "membership", "--profile",
            "quick", "--out", out.path,
        ])
        #expect(code == 0)
        let results = try ResultsDocument.read(contentsOf: out.appendingPathComponent("results.xml"))
        #expect(results.probes.first?.status == .ran)
    }

    @Test("a CSV whose label column is `target` gets a --label-column hint")
    func labelColumnHint() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-input")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(
            contentsOf: models.appendingPathComponent("logreg_breast_cancer.members.csv"), encoding: .utf8)
        let csv = dir.appendingPathComponent("members.csv")
        #expect(text.contains(",label\r\n"))
        try text.replacingOccurrences(of: ",label\r\n", with: ",target\r\n").write(
            to: csv, atomically: true, encoding: .utf8)
        let message = await failure([
            "assess", "--model", models.appendingPathComponent("logreg_breast_cancer.onnx").path, "--members",
            csv.path, "--nonmembers", csv.path, "--probes", "membership", "--out", dir.appendingPathComponent("o").path,
        ])
        #expect(message?.contains("rows have 31 features") == true, "\(message ?? "no error")")
        #expect(message?.contains("add --label-column target") == true, "\(message ?? "no error")")
    }

    @Test("validate explains what it accepts when given an OSCAL, SARIF or other file, or a report folder")
    func validateExplains() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-input")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report")
        #expect(
            try await run([
                "assess", "--model", Self.softmax, "--members", Self.members, "--nonmembers", Self.nonmembers,
                "--probes", "membership", "--profile", "quick", "--out", out.path,
            ]) == 0)
        for (file, expected) in [
            ("oscal-assessment-results.xml", "is an OSCAL rendering (XML), not the results document"),
            ("oscal-assessment-results.json", "is an OSCAL rendering (JSON)"),
            ("results.sarif", "is a SARIF rendering"),
            ("junit.xml", "is a JUnit rendering"),
            ("report.html", "is an HTML report"),
        ] {
            let message = await failure(["validate", out.appendingPathComponent(file).path])
            #expect(message?.contains(expected) == true, "\(file): \(message ?? "no error")")
            #expect(message?.contains("validate results.xml") == true)
        }
        // A report folder is validated through its results.xml, never read as a catalog.
        #expect(try await run(["validate", out.path]) == 0)
        let other = dir.appendingPathComponent("other.xml")
        try Data("<catalog xmlns=\"urn:x\"/>".utf8).write(to: other)
        let message = await failure(["validate", other.path])
        #expect(message?.contains("root {urn:x}catalog, not an airisk results document") == true, "\(message ?? "")")
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let emptyMessage = await failure(["validate", empty.path])
        #expect(emptyMessage?.contains("neither a results.xml nor a catalog") == true, "\(emptyMessage ?? "")")
    }
}
