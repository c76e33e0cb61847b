/// A heap buffer of Float32 for a kernel's working storage: stable pointer access in hot loops
/// without array bounds or uniqueness checks, freed when released.
///
/// `@unchecked Sendable` because a kernel writes a buffer only while building it inside one
/// forward or backward call; a buffer kept in ``KernelOutput/saved`` (e.g. an LSTM's gate
/// values) is only read afterwards.
final class FloatScratch: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// `count` zeros.
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    /// `count` elements left unset, for buffers that the caller writes before it reads them.
    init(uninitializedCount count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
    }

    /// A copy of `values`.
    init(_ values: [Float]) {
        count = values.count
        pointer = .allocate(capacity: max(1, count))
        values.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: count) }
        if count == 0 { pointer.initialize(to: 0) }
    }

    deinit { pointer.deallocate() }

    /// The elements as an array (copied).
    var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// The elements `range` as an array (copied).
    func array(_ range: Range<Int>) -> [Float] {
        Array(UnsafeBufferPointer(start: pointer + range.lowerBound, count: range.count))
    }
}
