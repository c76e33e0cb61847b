/// Shape arithmetic shared by kernels: element counts, row-major strides and axis normalisation.
package enum Shape {
    /// The number of elements of a tensor with this shape (1 for a scalar).
    @inlinable
    package static func count(_ shape: [Int]) -> Int {
        var n = 1
        for d in shape { n &*= d }
        return n
    }

    /// The element count, or nil when a dimension is negative or the product overflows (shapes
    /// read from a model file must be checked before allocating).
    package static func checkedCount(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            guard d >= 0 else { return nil }
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            if overflow { return nil }
            n = p
        }
        return n
    }

    /// Row-major strides in elements: the last dimension has stride 1.
    package static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var s = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = s
            s &*= shape[i]
        }
        return strides
    }

    /// The product of `shape[range]`.
    static func product(_ shape: [Int], _ range: Range<Int>) -> Int {
        var n = 1
        for i in range { n &*= shape[i] }
        return n
    }

    /// Maps a possibly negative ONNX axis into `0..<rank`, or nil when out of range.
    static func normalizeAxis(_ axis: Int, rank: Int) -> Int? {
        let a = axis < 0 ? axis + rank : axis
        return (a >= 0 && a < rank) ? a : nil
    }
}
