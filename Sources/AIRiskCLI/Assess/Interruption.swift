import AIRiskEndpoint
import Dispatch
import Foundation
import Synchronization

/// Ctrl-C during an assessment: the first one cancels it, so probes stop at their next batch (a local model
/// through ``AIRiskAccess/Cancellation``, an endpoint at its next request) and the results so far are written,
/// marked incomplete; a second one ends the process at once (status 130).
///
/// SIGINT gets a real `sigaction` handler rather than `SIG_IGN` plus a dispatch signal source: under load the
/// dispatch source lost or delayed the second Ctrl-C (an ignored signal is discarded by the kernel unless some
/// thread blocks it). The handler only counts, writes to a pipe and, on the second signal, kills the model
/// command groups and calls `_exit` — all async-signal-safe. A reader on the pipe does the rest (message,
/// cancellation) on an ordinary queue.
enum Interruption {
    private static let count = Atomic<Int>(0)
    /// The pipe the handler writes to: atomic (lock-free, so the handler may read it) because in-process callers
    /// (the tests) run assessments concurrently, and ThreadSanitizer saw their stores race.
    private static let wakeFD = Atomic<Int32>(-1)
    /// The second signal's message, as bytes the handler can write without allocating.
    nonisolated(unsafe) private static let quitMessage: UnsafeMutableBufferPointer<UInt8> = {
        let text = Array("\ninterrupted again: quitting without writing results\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
        _ = buffer.initialize(from: text)
        return buffer
    }()

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return try await task.value }
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        count.store(0, ordering: .sequentiallyConsistent)
        _ = quitMessage
        wakeFD.store(fds[1], ordering: .sequentiallyConsistent)
        let reader = DispatchSource.makeReadSource(
            fileDescriptor: fds[0], queue: DispatchQueue(label: "airisk.interruption"))
        reader.setEventHandler {
            var byte: UInt8 = 0
            guard read(fds[0], &byte, 1) == 1 else { return }
            TerminalOutput.error(
                "\ninterrupted: stopping the probes and writing the results so far (Ctrl-C again to quit)")
            task.cancel()
        }
        // The read end closes only once the source is cancelled: closed earlier, its number could be reused by
        // another file while the source still watches it.
        let readEnd = fds[0]
        reader.setCancelHandler { close(readEnd) }
        reader.resume()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if Interruption.count.add(1, ordering: .sequentiallyConsistent).newValue == 1 {
                // The interrupted thread may be about to read errno: the handler leaves it as it was.
                let saved = errno
                var byte: UInt8 = 1
                _ = write(Interruption.wakeFD.load(ordering: .sequentiallyConsistent), &byte, 1)
                errno = saved
            } else {
                _ = write(2, Interruption.quitMessage.baseAddress, Interruption.quitMessage.count)
                FatalSignals.killAllFromSignalHandler()
                _exit(130)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        defer {
            signal(SIGINT, SIG_DFL)
            // A later run may have published its own pipe meanwhile (the tests run assessments concurrently).
            _ = wakeFD.compareExchange(expected: fds[1], desired: -1, ordering: .sequentiallyConsistent)
            reader.cancel()
            close(fds[1])
        }
        return try await task.value
    }
}
