/// A heap buffer of Float32 for a kernel's working storage within one call: stable pointer
/// access in hot loops without array bounds or uniqueness checks, freed when released.
final class FloatScratch {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// `count` zeros.
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
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
