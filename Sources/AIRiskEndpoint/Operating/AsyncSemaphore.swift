import Synchronization

/// Limits how many requests are in flight at once, across every caller of one endpoint.
final class AsyncSemaphore: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(_ permits: Int) { state = Mutex(State(available: permits)) }

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.available > 0 {
                    s.available -= 1
                    return true
                }
                s.waiters.append(c)
                return false
            }
            if now { c.resume() }
        }
    }

    func signal() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if s.waiters.isEmpty {
                s.available += 1
                return nil
            }
            return s.waiters.removeFirst()
        }
        waiter?.resume()
    }

    /// Runs `body` holding one permit.
    func withPermit<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await wait()
        defer { signal() }
        return try await body()
    }
}
