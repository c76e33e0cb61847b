import AIRiskSupport
import Foundation
import Synchronization

/// A model behind a command: started once, one JSON request per line on stdin, one JSON answer
/// per line on stdout. A child that exits, or does not answer within the timeout, is stopped and
/// reported with the tail of its stderr; it is never waited on without a limit.
///
/// The child is a ``SpawnedProcess``: a clean signal mask, default dispositions and a process group
/// of its own, stopped with SIGTERM then SIGKILL, and never left running when airisk exits.
// FileHandle is used only through its thread-safe calls; mutable state is behind Mutexes.
final class CommandTransport: PredictionTransport, @unchecked Sendable {
    let location: String
    let process: SpawnedProcess
    private let stdin: FileHandle
    private let lines = LineQueue()
    private let stderrTail = ByteTail(limit: 2000)
    /// Every write to the child's stdin, and its close, in order on one queue: a write still queued when another
    /// thread closed the descriptor would go to whatever file next got its number (a newline written into another
    /// child's watchdog pipe kills that child's group).
    private let writes = DispatchQueue(label: "airisk.command.stdin")
    /// One exchange at a time: requests and answers pair up by order.
    private let turn = AsyncSemaphore(1)
    private let broken = Mutex<CommandFailure?>(nil)

    init(commandLine: String, environment: [String: String]? = nil) throws(EndpointError) {
        let trimmed = commandLine.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw .badOption(
                option: "--model-cmd", value: "(empty)", requirement: "give the command that runs the model")
        }
        location = trimmed
        // A write to a child that has exited must fail with EPIPE, not kill airisk.
        signal(SIGPIPE, SIG_IGN)
        let p = try SpawnedProcess(shellCommand: trimmed, environment: environment)
        // One reader thread per output pipe, each ending at end of file (the child exited or was stopped).
        // Blocking reads rather than FileHandle.readabilityHandler: Foundation's handler monitor keeps the
        // handle, the pipes and the Process alive after the child has gone (LeakSanitizer showed it).
        let queue = lines
        let out = p.stdout
        Thread.detachNewThread {
            while true {
                let d = out.availableData
                queue.feed(Array(d))
                if d.isEmpty { break }
            }
            try? out.close()
        }
        let tail = stderrTail
        let err = p.stderr
        Thread.detachNewThread {
            while true {
                let d = err.availableData
                if d.isEmpty { break }
                tail.append(d)
            }
            try? err.close()
        }
        process = p
        stdin = p.stdin
    }

    deinit { close() }

    /// Stops the child and everything in its process group (SIGTERM, then SIGKILL after a grace period).
    func close() {
        // After any write still queued; stopping the child (below) ends a write blocked on a full pipe.
        let handle = stdin
        writes.async { try? handle.close() }
        process.stop(closingStdin: false)
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
            throw .fatal(.command(CommandFailure(command: location, event: .failed(reason: "\(error)"))))
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
            throw .fatal(.command(await fail(.exited(status: exitStatus()))))
        case .timedOut:
            throw .fatal(.command(await fail(.timedOut(seconds: timeout))))
        case .lineTooLong:
            throw .fatal(.command(await fail(.lineTooLong(maxBytes: lines.maxLineBytes))))
        }
    }

    private func exitStatus() -> Int32? {
        // The exit status arrives shortly after stdout closes.
        for _ in 0..<50 where process.isRunning { usleep(10_000) }
        return process.terminationStatus
    }

    private func fail(_ event: CommandFailure.Event) async -> CommandFailure {
        // Stopping may wait out the grace period: on a Dispatch thread, not one of the concurrency pool's.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.close()
                usleep(20_000)
                done.resume()
            }
        }
        let tail = ControlCharacters.escaped(
            String(decoding: stderrTail.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
            keeping: ["\n", "\t"])
        let failure = CommandFailure(command: location, event: event, stderrTail: tail)
        broken.withLock { $0 = failure }
        return failure
    }
}
