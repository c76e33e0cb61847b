import Foundation

/// The last `limit` bytes of a stream (a child's stderr), for error messages.
final class ByteTail: Sendable {
    private let limit: Int
    private let state = LockedState<[UInt8]>([])

    init(limit: Int) { self.limit = limit }

    func append(_ data: Data) {
        state.withLock { t in
            t.append(contentsOf: data)
            if t.count > limit { t.removeFirst(t.count - limit) }
        }
    }

    var bytes: [UInt8] { state.withLock { $0 } }
}
