import Synchronization

/// A kernel's constant matrix operand on a 64-byte boundary, for the one-row products (batch-1 layers) whose
/// AVX-512 loops read 64 bytes at a time. A Swift array's elements start 32 bytes into a 16-byte-aligned
/// allocation, so a weight matrix is often misaligned, and then every load spans two cache lines: the bench MLP's
/// three layers take 4.8 µs instead of 2.7 (BENCHMARKS.md, "Aligned weights for batch-1 products").
///
/// The copy is made the second time the same storage comes back (an initializer, not an activation, which is new
/// on every call) and kept while it keeps coming back. It holds the same values, so results are bit-identical.
/// One instance belongs to one node; calls may run concurrently.
final class AlignedWeights: Sendable {
    private struct Entry: @unchecked Sendable {
        /// The operand last seen, kept alive so its address identifies it.
        var source: [Float]
        var copy: FloatScratch?

        /// Whether `values` is the same storage as ``source``.
        func holds(_ values: [Float]) -> Bool {
            source.count == values.count
                && source.withUnsafeBufferPointer { a in
                    values.withUnsafeBufferPointer { $0.baseAddress == a.baseAddress }
                }
        }
    }

    private let last = Mutex<Entry?>(nil)

    init() {}

    /// Calls `body` with `values`' elements, from the aligned copy when there is one. Only products of one row
    /// (`rows == 1`) read the operand that way: others go to the library, which packs it itself.
    func withAlignedBuffer<R>(
        of values: [Float], rows: Int, _ body: (UnsafeBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try values.withUnsafeBufferPointer { given in
            guard rows == 1, let base = given.baseAddress, Int(bitPattern: base) % 64 != 0 else {
                return try body(given)
            }
            let copy: FloatScratch? = last.withLock { entry in
                guard let e = entry, e.holds(values) else {
                    entry = Entry(source: values, copy: nil)
                    return nil
                }
                if let c = e.copy { return c }
                let c = FloatScratch(values)
                entry?.copy = c
                return c
            }
            guard let copy else { return try body(given) }
            return try body(UnsafeBufferPointer(start: copy.pointer, count: copy.count))
        }
    }
}

extension AlignedWeights {
    /// `values` in working storage: the copy kept from the last call while the same storage comes back, a new one
    /// (kept for the next call) otherwise. For the recurrent kernels, whose W and R were copied on every call (7 %
    /// of a batch-1 LSTM in `memmove`, with as much again in freeing the copies).
    func scratch(of values: [Float]) -> FloatScratch {
        last.withLock { entry in
            if let e = entry, let copy = e.copy, e.holds(values) { return copy }
            let copy = FloatScratch(values)
            entry = Entry(source: values, copy: copy)
            return copy
        }
    }
}

extension AlignedWeights: Decodable {
    /// A fresh, empty cache: what an ``AttributedKernel`` holding one gets when it is read from its node.
    convenience init(from decoder: any Decoder) throws { self.init() }
}
