import Foundation

/// A value behind a pthread mutex (NSLock), for state shared with the plain threads that read a child's
/// output. Synchronization's `Mutex` would do, but on Linux it locks with futexes ThreadSanitizer cannot see,
/// so every access from two threads is reported as a race; a pthread mutex keeps the sanitizer run meaningful.
final class LockedState<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
