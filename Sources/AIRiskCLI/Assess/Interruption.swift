import Dispatch
import Foundation

/// Ctrl-C during an assessment: the first one cancels it, so probes querying an endpoint stop at
/// their next request and the results so far are written, marked incomplete; a second one exits
/// at once (status 130).
enum Interruption {
    private final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int {
            lock.withLock {
                value += 1; return value
            }
        }
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let count = Count()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if count.increment() == 1 {
                FileHandle.standardError.write(
                    Data(
                        "\ninterrupted: stopping the probes and writing the results so far (Ctrl-C again to quit)\n"
                            .utf8))
                task.cancel()
            } else {
                exit(130)
            }
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return try await task.value
    }
}
