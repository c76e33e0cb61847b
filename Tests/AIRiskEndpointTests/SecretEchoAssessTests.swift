import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskEndpoint

/// The whole of issue 15's credential finding, end to end: `airisk assess` against a server that
/// answers the set-up and a few requests, then refuses with 401 and echoes every credential in
/// every spelling. No report file, the query log, stdout or stderr may show any of them.
@Suite("Echoed credentials in an assessment", .serialized)
struct SecretEchoAssessTests {
    @Test(
        "a 401 echoing the credentials mid-run: no output, log or stream shows them; the probes failed",
        .enabled(if: AIRiskBinary.url != nil, "the airisk executable is not built next to the tests (swift build)"),
        .timeLimit(.minutes(TestEnvironment.minutes(10))), arguments: HostileEndpointTests.styles)
    func assessment(style: String) async throws {
        let binary = try #require(AIRiskBinary.url)
        let server = try FaultServer()
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-echo\(style)-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try AIRiskBinary.csv(dir.appendingPathComponent("m.csv"), offset: 0)
        try AIRiskBinary.csv(dir.appendingPathComponent("n.csv"), offset: 100)
        let out = dir.appendingPathComponent("out")
        let log = dir.appendingPathComponent("q.jsonl")

        let p = Process()
        p.executableURL = binary
        p.arguments = [
            "assess", "--endpoint", server.url("echo" + style, 3) + "?x-api-key=\(SecretPieces.queryKey)",
            "--header-env", "Authorization=AIRISK_TEST_ECHO_BEARER", "--header-env", "X-Api-Key=AIRISK_TEST_ECHO_BASIC",
            "--output-name", "predict_proba", "--members", dir.appendingPathComponent("m.csv").path,
            "--nonmembers", dir.appendingPathComponent("n.csv").path, "--probes", "membership,extraction",
            "--profile", "quick", "--batch", "16", "--concurrency", "1", "--out", out.path, "--query-log", log.path,
        ]
        var env = ProcessInfo.processInfo.environment
        env["AIRISK_TEST_ECHO_BEARER"] = "Bearer " + SecretPieces.bearer
        env["AIRISK_TEST_ECHO_BASIC"] = SecretPieces.basicHeader
        p.environment = env
        let stdoutFile = dir.appendingPathComponent("stdout.txt")
        let stderrFile = dir.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        p.standardError = try FileHandle(forWritingTo: stderrFile)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        for _ in 0..<(1500 * TestEnvironment.slowdown) where p.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()

        let stderr = try String(contentsOf: stderrFile, encoding: .utf8)
        let stdout = try String(contentsOf: stdoutFile, encoding: .utf8)
        var checked: [String: String] = ["stdout": stdout, "stderr": stderr]
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        for f in files where !f.hasDirectoryPath {
            checked[f.lastPathComponent] = String(decoding: try Data(contentsOf: f), as: UTF8.self)
        }
        checked["query log"] = try String(contentsOf: log, encoding: .utf8)
        for name in [
            "results.xml", "report.html", "results.json", "results.sarif", "junit.xml",
            "oscal-assessment-results.xml", "oscal-assessment-results.json",
        ] {
            #expect(checked[name] != nil, "\(name) was not written; stderr: \(stderr)")
        }
        for (name, text) in checked {
            #expect(SecretPieces.leak(in: text) == nil, "\(name) shows a piece of a credential (style \(style))")
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B }, "\(name) holds a raw ESC (style \(style))")
        }
        // The refusal surfaced as the probes' error.
        let xml = checked["results.xml"] ?? ""
        #expect(xml.contains("HTTP 401"), "\(xml.prefix(2000))")
        #expect(xml.contains("<status state=\"incomplete\">"))
        // Both probes (membership, extraction) failed with it.
        #expect(xml.components(separatedBy: "status=\"failed\"").count - 1 == 2)
        #expect(checked["query log"]?.contains("\"status\":401") == true)
        // After the first 401 nothing more was sent: 3 answered requests and one refused.
        #expect(try await server.stats().requests == 4)
    }

    @Test(
        "a key in the URL path, sent as a header too, is masked in every output like a query key",
        .enabled(if: AIRiskBinary.url != nil, "the airisk executable is not built next to the tests (swift build)"),
        .timeLimit(.minutes(TestEnvironment.minutes(10))))
    func keyInPath() async throws {
        let binary = try #require(AIRiskBinary.url)
        let server = try FaultServer()
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-pathkey-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try AIRiskBinary.csv(dir.appendingPathComponent("m.csv"), offset: 0)
        try AIRiskBinary.csv(dir.appendingPathComponent("n.csv"), offset: 100)
        let out = dir.appendingPathComponent("out")
        let log = dir.appendingPathComponent("q.jsonl")
        // The fault server reads its scenario from the first two path segments and ignores the rest.
        let url = server.url("ok", 0).replacingOccurrences(of: "/v2/", with: "/\(SecretPieces.queryKey)/v2/")

        let p = Process()
        p.executableURL = binary
        p.arguments = [
            "assess", "--endpoint", url, "--header-env", "X-Api-Key=AIRISK_TEST_PATH_KEY",
            "--output-name", "predict_proba", "--members", dir.appendingPathComponent("m.csv").path,
            "--nonmembers", dir.appendingPathComponent("n.csv").path, "--probes", "membership",
            "--profile", "quick", "--batch", "16", "--out", out.path, "--query-log", log.path,
        ]
        var env = ProcessInfo.processInfo.environment
        env["AIRISK_TEST_PATH_KEY"] = SecretPieces.queryKey
        p.environment = env
        let stdoutFile = dir.appendingPathComponent("stdout.txt")
        let stderrFile = dir.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        p.standardError = try FileHandle(forWritingTo: stderrFile)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        for _ in 0..<(1500 * TestEnvironment.slowdown) where p.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()

        let stderr = try String(contentsOf: stderrFile, encoding: .utf8)
        var checked: [String: String] = [
            "stdout": try String(contentsOf: stdoutFile, encoding: .utf8), "stderr": stderr,
            "query log": try String(contentsOf: log, encoding: .utf8),
        ]
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        for f in files where !f.hasDirectoryPath {
            checked[f.lastPathComponent] = String(decoding: try Data(contentsOf: f), as: UTF8.self)
        }
        #expect(checked["results.xml"] != nil, "results.xml was not written; stderr: \(stderr)")
        for (name, text) in checked {
            #expect(!text.contains(SecretPieces.queryKey), "\(name) shows the key from the URL path")
            #expect(SecretPieces.leak(in: text) == nil, "\(name) shows a piece of the key from the URL path")
        }
        // The rest of the URL is still recorded.
        #expect(checked["results.xml"]?.contains("/v2/models/fault/infer") == true)
    }
}
