import Foundation

/// Splits a child's stdout into lines and hands them to one waiting reader, with a timeout.
///
/// A line longer than ``maxLineBytes`` is not buffered: the queue drops it and, once the lines
/// before it are read, reports ``Next/lineTooLong`` for good, so a child that never writes a
/// newline cannot make airisk hold its whole output in memory.
final class LineQueue: Sendable {
    enum Next: Sendable, Equatable {
        case line([UInt8])
        case endOfFile
        case timedOut
        /// A line passed ``LineQueue/maxLineBytes``.
        case lineTooLong
    }

    private struct State {
        var partial: [UInt8] = []
        /// Complete lines; those before `head` were handed out already.
        var lines: [[UInt8]] = []
        var head = 0
        var finished = false
        var overlong = false
        var waiterID = 0
        var waiter: CheckedContinuation<Next, Never>?
        var timer: DispatchWorkItem?

        /// The next line, or how the stream ended, when either is already known.
        mutating func take() -> Next? {
            if head < lines.count {
                let line = lines[head]
                lines[head] = []
                head += 1
                if head == lines.count {
                    lines.removeAll(keepingCapacity: true)
                    head = 0
                }
                return .line(line)
            }
            if overlong { return .lineTooLong }
            if finished { return .endOfFile }
            return nil
        }
    }

    /// The longest line kept, in bytes (the newline not counted).
    let maxLineBytes: Int
    private let state = LockedState(State())

    init(maxLineBytes: Int = 256 << 20) { self.maxLineBytes = maxLineBytes }

    /// Appends bytes read from the child; an empty chunk marks end of file.
    func feed(_ chunk: [UInt8]) {
        let limit = maxLineBytes
        let resume = state.withLock { s -> (CheckedContinuation<Next, Never>, Next, DispatchWorkItem?)? in
            if chunk.isEmpty {
                s.finished = true
            } else if !s.overlong {
                var start = chunk.startIndex
                while start < chunk.endIndex {
                    let end = chunk[start...].firstIndex(of: 0x0A) ?? chunk.endIndex
                    guard s.partial.count + (end - start) <= limit else {
                        s.overlong = true
                        s.partial = []
                        break
                    }
                    s.partial.append(contentsOf: chunk[start..<end])
                    guard end < chunk.endIndex else { break }
                    s.lines.append(s.partial)
                    s.partial = []
                    start = end + 1
                }
            }
            guard let w = s.waiter, let next = s.take() else { return nil }
            s.waiter = nil
            defer { s.timer = nil }
            return (w, next, s.timer)
        }
        if let (w, next, timer) = resume {
            timer?.cancel()
            w.resume(returning: next)
        }
    }

    /// The next line, or how the stream ended, if already known; never waits.
    func poll() -> Next? { state.withLock { $0.take() } }

    /// The next complete line, end of file, or a timeout after `seconds`.
    func next(timeout seconds: Double) async -> Next {
        await withCheckedContinuation { (c: CheckedContinuation<Next, Never>) in
            let immediate = state.withLock { s -> Next? in
                if let next = s.take() { return next }
                s.waiterID &+= 1
                let id = s.waiterID
                s.waiter = c
                // A Dispatch timer, not a sleeping Task: it fires on time even when every thread of the
                // concurrency pool is busy. It holds the queue until it fires or is cancelled (an
                // answer cancels it at once).
                let timer = DispatchWorkItem { self.expire(id) }
                s.timer = timer
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
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
