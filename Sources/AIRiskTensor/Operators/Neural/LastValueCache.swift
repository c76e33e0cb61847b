import Synchronization

/// The last value a kernel worked out for a key (a window plan or table for one input shape), reused while the key
/// comes back: a model runs one input shape after another, and working these out on every call cost as much as small
/// poolings and convolutions themselves. One slot: a key that changes on every call only costs the comparison.
final class LastValueCache<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let last = Mutex<(key: Key, value: Value)?>(nil)

    init() {}

    /// The value kept for `key`, or `make()`'s, which is then kept.
    func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        if let hit = last.withLock({ $0?.key == key ? $0?.value : nil }) { return hit }
        let value = try make()
        last.withLock { $0 = (key, value) }
        return value
    }
}
