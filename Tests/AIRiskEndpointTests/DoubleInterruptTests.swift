import Foundation
import Testing

@testable import AIRiskEndpoint

/// The second Ctrl-C (issue 15, finding 10): `airisk assess` against a slow endpoint on 127.0.0.1, interrupted
/// twice, ends with status 130 at once (never a crash) and leaves no report, complete or partial, in its folder.
@Suite("Second Ctrl-C", .serialized)
struct DoubleInterruptTests {
    @Test(
        "two SIGINTs during an assessment: exit 130 and no report in the folder",
        .enabled(if: AIRiskBinary.url != nil, "the airisk executable is not built next to the tests (swift build)"),
        .timeLimit(.minutes(4)))
    func secondInterruptQuits() async throws {
        let binary = try #require(AIRiskBinary.url)
        let server = try FaultServer()
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-sigint2-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try AIRiskBinary.csv(dir.appendingPathComponent("m.csv"), offset: 0)
        try AIRiskBinary.csv(dir.appendingPathComponent("n.csv"), offset: 100)
        let out = dir.appendingPathComponent("out")

        let p = Process()
        p.executableURL = binary
        // Every request after the set-up one takes 3 s to answer.
        p.arguments = [
            "assess", "--endpoint", server.url("slow", 1000), "--output-name", "predict_proba",
            "--members", dir.appendingPathComponent("m.csv").path, "--nonmembers",
            dir.appendingPathComponent("n.csv").path, "--probes", "membership", "--profile", "quick", "--batch", "8",
            "--concurrency", "1", "--timeout", "30", "--out", out.path,
        ]
        let stderrFile = dir.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = try FileHandle(forWritingTo: stderrFile)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        func stderr() -> String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }
        // Wait (bounded: a loaded machine is slow) until the assessment is sending its queries.
        for _ in 0..<600 where p.isRunning {
            if try await server.stats().requests >= 2 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try #require(p.isRunning, "the assessment ended before it was interrupted: \(stderr())")
        kill(p.processIdentifier, SIGINT)
        // The second one only once the first has been handled: two signals still pending together are one.
        // (A `for … where` would skip the sleep but keep reading the file up to 3000 times once the line is there:
        // on a loaded machine that took longer than the probe needed to stop and write its reports.)
        for _ in 0..<3000 {
            if !p.isRunning || stderr().contains("interrupted: stopping the probes") { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        kill(p.processIdentifier, SIGINT)
        for _ in 0..<600 where p.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()

        #expect(p.terminationReason == .exit && p.terminationStatus == 130, "\(stderr())")
        // No report, whole or partial: files are written as hidden temporaries and renamed only once all are
        // written (a temporary cut short by the quit is removed by the next run).
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(left.allSatisfy { $0.hasPrefix(".") }, "the interrupted run left \(left) in its report folder")
    }
}
