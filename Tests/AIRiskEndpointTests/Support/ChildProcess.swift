import Foundation

/// A helper process started by a test (a Python server), stopped by ``stop()``; its first
/// stdout line is read with a time limit.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = Self.repositoryRoot
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
    }

    /// Reads stdout until a line starting with `prefix`, waiting at most `seconds`.
    func waitForLine(prefix: String, seconds: Double) -> String? {
        let result = LockedBox<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let handle = stdoutPipe.fileHandleForReading
        DispatchQueue.global().async {
            var buffer = ""
            while true {
                let d = handle.availableData
                if d.isEmpty { break }
                buffer += String(decoding: d, as: UTF8.self)
                // Only complete lines: the last piece may still be arriving.
                let complete = buffer.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                if let line = complete.first(where: { $0.hasPrefix(prefix) }) {
                    result.set(String(line))
                    break
                }
            }
            done.signal()
        }
        _ = done.wait(timeout: .now() + seconds)
        return result.get()
    }

    /// The stderr written so far (after ``stop()``).
    func stderrText() -> String {
        String(decoding: stderrPipe.fileHandleForReading.availableData, as: UTF8.self)
    }

    func stop() {
        try? stdinPipe.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}

final class LockedBox<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ v: T) { value = v }
    func set(_ v: T) { lock.withLock { value = v } }
    func get() -> T { lock.withLock { value } }
}
