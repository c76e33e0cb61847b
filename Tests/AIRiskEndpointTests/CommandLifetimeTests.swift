import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskEndpoint

/// A `--model-cmd` child never outlives `airisk assess` (issue 15, finding 7): after a normal
/// exit, an error exit, a double Ctrl-C, a SIGTERM and a SIGKILL from outside, no live process is left in the child's
/// process group, even when the child ignores SIGTERM and has started a helper that ignores it and its stdin too.
@Suite("Model command lifetime", .serialized)
struct CommandLifetimeTests {
    enum Ending: String, CaseIterable, Sendable {
        case normal, error, interrupted
        /// SIGTERM from outside (default action: airisk dies by it, after killing the groups).
        case terminated
        /// SIGKILL from outside: airisk runs nothing more; the group's watchdog stops it.
        case killed
    }

    @Test(
        "no process of the model command's group is left when airisk ends",
        .enabled(if: AIRiskBinary.url != nil, "the airisk executable is not built next to the tests (swift build)"),
        .timeLimit(.minutes(TestEnvironment.minutes(10))), arguments: Ending.allCases)
    func childGroupEnds(ending: Ending) async throws {
        // A signalled run that had already ended before its signal says nothing about the signal (under
        // ThreadSanitizer an airisk child once ended within a second of starting its model command); its group
        // is still checked, and the case is run again, at most three times, with the run's stderr kept.
        var early: [String] = []
        for attempt in 0..<3 where early.count == attempt {
            if let ended = try await childGroupEnds(ending: ending, attempt: attempt) { early.append(ended) }
        }
        #expect(early.count < 3, "every attempt ended before its signal:\n\(early.joined(separator: "\n---\n"))")
    }

    /// One run; nil when it went as planned, else what the run printed when it ended before its signal.
    private func childGroupEnds(ending: Ending, attempt: Int) async throws -> String? {
        let binary = try #require(AIRiskBinary.url)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "airisk-life-\(ending)-\(attempt)-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try AIRiskBinary.csv(dir.appendingPathComponent("n.csv"), offset: 100)
        if ending == .error {
            // Labels 0…8 for a 3-class model: refused once the model command has answered its set-up query.
            let rows = (0..<60).map { "0.1,0.2,0.3,0.4,\($0 % 9)" }.joined(separator: "\n")
            try ("a,b,c,d,label\n" + rows + "\n").write(
                to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        } else {
            try AIRiskBinary.csv(dir.appendingPathComponent("m.csv"), offset: 0)
        }
        let pgidFile = dir.appendingPathComponent("pgid")
        let script = ChildProcess.repositoryRoot.appendingPathComponent(
            "Tests/AIRiskEndpointTests/Fixtures/jsonl_model.py"
        ).path
        let p = Process()
        p.executableURL = binary
        p.arguments = [
            "assess", "--model-cmd", "python3 \(script) trap", "--members", dir.appendingPathComponent("m.csv").path,
            "--nonmembers", dir.appendingPathComponent("n.csv").path, "--probes", "membership", "--profile", "quick",
            "--batch", "8", "--out", dir.appendingPathComponent("out").path,
        ]
        var env = ProcessInfo.processInfo.environment
        env["AIRISK_TEST_PGID_FILE"] = pgidFile.path
        // A signalled run must still be running when its signal comes: a second per answer keeps it going for minutes.
        env["AIRISK_TEST_DELAY"] = [.interrupted, .terminated, .killed].contains(ending) ? "1" : "0"
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        // airisk's stderr is kept for the failure message (under ThreadSanitizer a report ends the run with 66).
        let stderrFile = dir.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: stderrFile)
        p.standardInput = FileHandle.nullDevice
        try p.run()

        var group: pid_t?
        for _ in 0..<(300 * TestEnvironment.slowdown) where group == nil {
            try await Task.sleep(for: .milliseconds(50))
            group = (try? String(contentsOf: pgidFile, encoding: .utf8)).flatMap { pid_t($0) }
        }
        let pgid = try #require(group, "the model command did not start")
        // The waits before a signal block this thread: on the shared test pool a Task.sleep of 800 ms took seconds
        // under a sanitizer in the full suite, and the run had ended before its signal.
        if ending == .interrupted || ending == .terminated || ending == .killed {
            usleep(800_000)
            guard p.isRunning else {
                p.waitUntilExit()
                for _ in 0..<(300 * TestEnvironment.slowdown) where SpawnedProcess.isAlive(group: pgid) {
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(!SpawnedProcess.isAlive(group: pgid), "a process of group \(pgid) outlived airisk")
                kill(-pgid, SIGKILL)
                // Read through a file handle: Data(contentsOf:) leaked its buffer on an empty file under LSan.
                let log = (try? FileHandle(forReadingFrom: stderrFile).readToEnd()) ?? nil
                let text = String(decoding: log?.suffix(4000) ?? Data(), as: UTF8.self)
                return "status \(p.terminationStatus) (\(p.terminationReason == .exit ? "exit" : "signal")): \(text)"
            }
            switch ending {
            case .interrupted:
                kill(p.processIdentifier, SIGINT)
                usleep(300_000)
                kill(p.processIdentifier, SIGINT)
            case .terminated: kill(p.processIdentifier, SIGTERM)
            default: kill(p.processIdentifier, SIGKILL)
            }
        }
        for _ in 0..<(600 * TestEnvironment.slowdown) where p.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        switch ending {
        case .normal:
            #expect(
                p.terminationStatus == 0,
                "\(String(decoding: (try? Data(contentsOf: stderrFile))?.suffix(6000) ?? Data(), as: UTF8.self))")
        case .error: #expect(p.terminationStatus != 0)
        case .interrupted:
            // No status asserted: 130 from the second Ctrl-C's handler; death by SIGINT when the first one's
            // cancellation had already ended the run (SIGINT's default is back while reports are written); or
            // the run's own status when a loaded machine delivered both at once (a signal source coalesces).
            break
        case .terminated:
            #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGTERM)
        case .killed:
            #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL)
            // The watchdog acts when the kernel closes airisk's pipe end; give it a bounded moment (a loaded
            // machine delays the watchdog's shell by seconds).
            for _ in 0..<(300 * TestEnvironment.slowdown) where SpawnedProcess.isAlive(group: pgid) {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(!SpawnedProcess.isAlive(group: pgid), "a process of group \(pgid) outlived airisk")
        // Whatever happened, leave nothing behind for the next test.
        kill(-pgid, SIGKILL)
        return nil
    }
}
