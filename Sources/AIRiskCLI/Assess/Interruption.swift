import AIRiskEndpoint
import Dispatch
import Foundation

/// Ctrl-C during an assessment: the first one cancels it, so probes stop at their next batch (a local model
/// through ``AIRiskAccess/Cancellation``, an endpoint at its next request) and the results so far are written,
/// marked incomplete; a second one ends the process at once (status 130) through ``quit(_:)``.
enum Interruption {
    private final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        /// Adds `n` and returns the new count.
        func add(_ n: Int) -> Int {
            lock.withLock {
                value += n
                return value
            }
        }
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let count = Count()
        signal(SIGINT, SIG_IGN)
        // A queue of its own: the global queue's few threads can be busy with the run (a loaded machine delayed the
        // second Ctrl-C's handler until the source was cancelled, and it was lost).
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "airisk.interruption"))
        source.setEventHandler {
            // Two Ctrl-C in quick succession reach the handler once, with `data` 2: both count.
            if count.add(max(1, Int(source.data))) == 1 {
                TerminalOutput.error(
                    "\ninterrupted: stopping the probes and writing the results so far (Ctrl-C again to quit)")
                task.cancel()
            } else {
                TerminalOutput.error("\ninterrupted again: quitting without writing results")
                quit(130)
            }
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return try await task.value
    }

    /// Ends the process now without `exit`'s teardown. `exit` runs atexit handlers and static destructors, among
    /// them OpenBLAS's, which frees the buffers its worker threads are still computing in: a second Ctrl-C
    /// during a matrix product crashed with SIGSEGV (status 139). `_exit` ends every thread at once instead;
    /// stdout is flushed first, and the files already written are complete (they are renamed into place).
    /// `--model-cmd` children are stopped first (their `atexit` handler does not run under `_exit`).
    static func quit(_ status: Int32) -> Never {
        ChildGroups.shared.stopAll()
        TerminalOutput.flush()
        _exit(status)
    }
}
