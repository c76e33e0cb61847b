import Foundation

/// Splits a child's stdout into lines and hands them to one waiting reader, with a timeout.
final class LineQueue: Sendable {
    enum Next: Sendable {
        case line([UInt8])
        case endOfFile
        case timedOut
    }

    private struct State {
        var partial: [UInt8] = []
        var lines: [[UInt8]] = []
        var finished = false
        var waiterID = 0
        var waiter: CheckedContinuation<Next, Never>?
        var timer: Task<Void, Never>?
    }

    private let state = LockedState(State())

    /// Appends bytes read from the child; an empty chunk marks end of file.
    func feed(_ chunk: [UInt8]) {
        let resume = state.withLock { s -> (CheckedContinuation<Next, Never>, Next, Task<Void, Never>?)? in
            if chunk.isEmpty {
                s.finished = true
            } else {
                for b in chunk {
                    if b == 0x0A {
                        s.lines.append(s.partial)
                        s.partial = []
                    } else {
                        s.partial.append(b)
                    }
                }
            }
            guard let w = s.waiter else { return nil }
            let next: Next
            if !s.lines.isEmpty {
                next = .line(s.lines.removeFirst())
            } else if s.finished {
                next = .endOfFile
            } else {
                return nil
            }
            s.waiter = nil
            defer { s.timer = nil }
            return (w, next, s.timer)
        }
        if let (w, next, timer) = resume {
            timer?.cancel()
            w.resume(returning: next)
        }
    }

    /// The next complete line, end of file, or a timeout after `seconds`.
    func next(timeout seconds: Double) async -> Next {
        await withCheckedContinuation { (c: CheckedContinuation<Next, Never>) in
            let immediate = state.withLock { s -> Next? in
                if !s.lines.isEmpty { return .line(s.lines.removeFirst()) }
                if s.finished { return .endOfFile }
                s.waiterID &+= 1
                let id = s.waiterID
                s.waiter = c
                // The timer holds the queue until it fires or is cancelled (an answer cancels it at once).
                s.timer = Task {
                    try? await Task.sleep(for: .nanoseconds(Int64(seconds * 1e9)))
                    if !Task.isCancelled { self.expire(id) }
                }
                return nil
            }
            if let immediate { c.resume(returning: immediate) }
        }
    }

    private func expire(_ id: Int) {
        let w = state.withLock { s -> CheckedContinuation<Next, Never>? in
            guard s.waiterID == id, let w = s.waiter else { return nil }
            s.waiter = nil
            s.timer = nil
            return w
        }
        w?.resume(returning: .timedOut)
    }
}
