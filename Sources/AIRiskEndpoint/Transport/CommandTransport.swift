import Foundation
import Synchronization

/// A model behind a command: started once, one JSON request per line on stdin, one JSON answer
/// per line on stdout. A child that exits, or does not answer within the timeout, is stopped and
/// reported with the tail of its stderr; it is never waited on without a limit.
// Process and FileHandle are used only through their thread-safe calls; mutable state is behind Mutexes.
final class CommandTransport: PredictionTransport, @unchecked Sendable {
    let location: String
    private let process: Process
    private let stdin: FileHandle
    private let lines = LineQueue()
    private let stderrTail = ByteTail(limit: 2000)
    private let writes = DispatchQueue(label: "airisk.command.stdin")
    /// One exchange at a time: requests and answers pair up by order.
    private let turn = AsyncSemaphore(1)
    private let broken = Mutex<String?>(nil)

    init(commandLine: String, environment: [String: String]? = nil) throws(EndpointError) {
        let trimmed = commandLine.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .configuration("--model-cmd is empty") }
        location = trimmed
        // A write to a child that has exited must fail with EPIPE, not kill airisk.
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exec " + trimmed]
        if let environment { p.environment = environment }
        let inPipe = Pipe()
        let outPipe = Pipe()
        let errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        do {
            try p.run()
        } catch {
            throw .command("cannot start '\(trimmed)': \(error)")
        }
        // One reader thread per output pipe, each ending at end of file (the child exited or was stopped).
        // Blocking reads rather than FileHandle.readabilityHandler: Foundation's handler monitor keeps the
        // handle, the pipes and the Process alive after the child has gone (LeakSanitizer showed it).
        let queue = lines
        let out = outPipe.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let d = out.availableData
                queue.feed(Array(d))
                if d.isEmpty { break }
            }
            try? out.close()
        }
        let tail = stderrTail
        let err = errPipe.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let d = err.availableData
                if d.isEmpty { break }
                tail.append(d)
            }
            try? err.close()
        }
        process = p
        stdin = inPipe.fileHandleForWriting
    }

    deinit { close() }

    func close() {
        if process.isRunning {
            process.terminate()
        }
        try? stdin.close()
    }

    func metadata(url: String, timeout: Double) async throws(TransportError) -> TransportResponse? { nil }

    func send(_ body: [UInt8], timeout: Double) async throws(TransportError) -> TransportResponse {
        do {
            return try await turn.withPermit { () async throws(TransportError) -> TransportResponse in
                try await exchange(body, timeout: timeout)
            }
        } catch let e as TransportError {
            throw e
        } catch {
            throw .fatal(.command("\(error)"))
        }
    }

    private func exchange(_ body: [UInt8], timeout: Double) async throws(TransportError) -> TransportResponse {
        if let reason = broken.withLock({ $0 }) { throw .fatal(.command(reason)) }
        let line = Data(body + [0x0A])
        let handle = stdin
        writes.async {
            // EPIPE here means the child is gone; the read below reports it with its stderr.
            try? handle.write(contentsOf: line)
        }
        switch await lines.next(timeout: timeout) {
        case .line(let bytes):
            return TransportResponse(status: 200, headers: [:], body: bytes)
        case .endOfFile:
            throw .fatal(.command(fail("exited\(exitStatus()) before answering")))
        case .timedOut:
            throw .fatal(.command(fail("did not answer within \(timeout) s and was stopped")))
        case .lineTooLong:
            throw .fatal(.command(fail("wrote an answer line longer than \(lines.maxLineBytes) bytes and was stopped")))
        }
    }

    private func exitStatus() -> String {
        // The exit status arrives shortly after stdout closes.
        for _ in 0..<50 where process.isRunning { usleep(10_000) }
        return process.isRunning ? "" : " with status \(process.terminationStatus)"
    }

    private func fail(_ what: String) -> String {
        close()
        for _ in 0..<50 where process.isRunning { usleep(10_000) }
        usleep(20_000)
        let tail = String(decoding: stderrTail.bytes, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let message = "'\(location)' \(what)" + (tail.isEmpty ? " (stderr was empty)" : "; stderr tail:\n\(tail)")
        broken.withLock { $0 = message }
        return message
    }
}
