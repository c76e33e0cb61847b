/// A heap buffer of Float32 for a kernel's working storage: stable pointer access in hot loops
/// without array bounds or uniqueness checks, freed when released. It starts on a 64-byte boundary, so the
/// AVX-512 loops of the one-row products never read a 64-byte vector across two cache lines (BENCHMARKS.md,
/// "Aligned weights for batch-1 products").
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
        pointer = Self.allocate(count)
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    /// `count` elements left unset, for buffers that the caller writes before it reads them.
    init(uninitializedCount count: Int) {
        self.count = count
        pointer = Self.allocate(count)
    }

    /// A copy of `values`.
    init(_ values: [Float]) {
        count = values.count
        pointer = Self.allocate(count)
        values.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: count) }
        if count == 0 { pointer.initialize(to: 0) }
    }

    deinit { pointer.deallocate() }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        let capacity = max(1, count)
        return UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: capacity)
    }

    /// The elements as an array (copied).
    var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// The elements `range` as an array (copied).
    func array(_ range: Range<Int>) -> [Float] {
        Array(UnsafeBufferPointer(start: pointer + range.lowerBound, count: range.count))
    }
}
