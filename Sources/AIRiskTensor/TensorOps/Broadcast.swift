/// Numpy-style (multidirectional) broadcasting as ONNX defines it: shapes are right-aligned and
/// each pair of dimensions must match or one of them must be 1.
package enum Broadcast {
    /// The broadcast result shape of two shapes.
    package static func shape(_ a: [Int], _ b: [Int]) throws(BroadcastError) -> [Int] {
        if a == b { return a }
        let rank = max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw BroadcastError(lhs: a, rhs: b)
            }
        }
        return out
    }

    /// The broadcast result shape of several shapes.
    package static func shape(_ shapes: [[Int]]) throws(BroadcastError) -> [Int] {
        var out: [Int] = []
        for s in shapes { out = try shape(out, s) }
        return out
    }

    /// Strides of `input` (row-major) aligned to the rank of `out`, with 0 on broadcast dimensions.
    package static func alignedStrides(_ input: [Int], to out: [Int]) -> [Int] {
        let own = Shape.strides(input)
        let lead = out.count - input.count
        var s = [Int](repeating: 0, count: out.count)
        for i in 0..<input.count where input[i] != 1 || out[i + lead] == 1 {
            s[i + lead] = input[i] == 1 ? 0 : own[i]
        }
        return s
    }

    /// Whether `input` equals the trailing dimensions of `out` after dropping leading ones: then
    /// broadcasting just repeats the whole input block.
    static func isSuffix(_ input: [Int], of out: [Int]) -> Bool {
        var trimmed = input[...]
        while let f = trimmed.first, f == 1, trimmed.count > 0 { trimmed = trimmed.dropFirst() }
        guard trimmed.count <= out.count else { return false }
        return Array(trimmed) == Array(out[(out.count - trimmed.count)...])
    }

    /// Applies `op` elementwise with broadcasting. `outShape` must be `shape(aShape, bShape)`.
    @inlinable
    package static func binary<T, R>(
        _ a: [T], _ aShape: [Int], _ b: [T], _ bShape: [Int], outShape: [Int], _ op: (T, T) -> R
    ) -> [R] {
        let n = Shape.count(outShape)
        return [R](unsafeUninitializedCapacity: n) { out, initialized in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    fill(out, pa, aShape, pb, bShape, outShape, op)
                }
            }
            initialized = n
        }
    }

    @usableFromInline
    static func fill<T, R>(
        _ out: UnsafeMutableBufferPointer<R>, _ pa: UnsafeBufferPointer<T>, _ aShape: [Int],
        _ pb: UnsafeBufferPointer<T>, _ bShape: [Int], _ outShape: [Int], _ op: (T, T) -> R
    ) {
        let n = out.count
        guard n > 0 else { return }
        let base = out.baseAddress!
        if pa.count == n && pb.count == n {
            for i in 0..<n { (base + i).initialize(to: op(pa[i], pb[i])) }
        } else if pb.count == 1 && pa.count == n {
            let s = pb[0]
            for i in 0..<n { (base + i).initialize(to: op(pa[i], s)) }
        } else if pa.count == 1 && pb.count == n {
            let s = pa[0]
            for i in 0..<n { (base + i).initialize(to: op(s, pb[i])) }
        } else if pa.count == n && isSuffix(bShape, of: outShape) {
            let inner = pb.count
            var o = 0
            while o < n {
                for j in 0..<inner { (base + o + j).initialize(to: op(pa[o + j], pb[j])) }
                o += inner
            }
        } else if pb.count == n && isSuffix(aShape, of: outShape) {
            let inner = pa.count
            var o = 0
            while o < n {
                for j in 0..<inner { (base + o + j).initialize(to: op(pa[j], pb[o + j])) }
                o += inner
            }
        } else {
            let sa = alignedStrides(aShape, to: outShape)
            let sb = alignedStrides(bShape, to: outShape)
            let rank = outShape.count
            let last = outShape[rank - 1]
            let la = sa[rank - 1]
            let lb = sb[rank - 1]
            var counter = [Int](repeating: 0, count: rank)
            var offA = 0
            var offB = 0
            var o = 0
            while o < n {
                for j in 0..<last { (base + o + j).initialize(to: op(pa[offA + j * la], pb[offB + j * lb])) }
                o += last
                var d = rank - 2
                while d >= 0 {
                    counter[d] += 1
                    offA += sa[d]
                    offB += sb[d]
                    if counter[d] < outShape[d] { break }
                    offA -= sa[d] * outShape[d]
                    offB -= sb[d] * outShape[d]
                    counter[d] = 0
                    d -= 1
                }
            }
        }
    }

    /// Repeats `values` (of shape `from`) to the broadcast-compatible shape `to`.
    package static func expand<T>(_ values: [T], from: [Int], to: [Int]) -> [T] {
        let n = Shape.count(to)
        if values.count == n { return values }
        if values.count == 1 { return [T](repeating: values[0], count: n) }
        if !values.isEmpty && isSuffix(from, of: to) {
            // Whole copies one after another (a bias row per sample): `append(contentsOf:)` per copy retained and
            // released the source each time, 5 % of an MLP's time at batch 256.
            let k = values.count
            return [T](unsafeUninitializedCapacity: n) { out, initialized in
                values.withUnsafeBufferPointer { source in
                    guard let target = out.baseAddress, let first = source.baseAddress else { return }
                    for start in stride(from: 0, to: n, by: k) { (target + start).initialize(from: first, count: k) }
                }
                initialized = n
            }
        }
        var out: [T] = []
        out.reserveCapacity(n)
        for off in IndexMap.strided(shape: to, base: 0, strides: alignedStrides(from, to: to)) {
            out.append(values[off])
        }
        return out
    }

    /// Sums a gradient of shape `from` down to the shape `to` that was broadcast to `from`:
    /// the adjoint of broadcasting.
    package static func reduce(_ grad: [Float], from: [Int], to: [Int]) -> [Float] {
        let target = Shape.count(to)
        if grad.count == target { return grad }
        if target != 1 && !isSuffix(to, of: from) {
            let map = IndexMap.strided(shape: from, base: 0, strides: alignedStrides(to, to: from))
            return IndexMap.scatterAdd(grad, map: map, count: target)
        }
        var out = [Float](repeating: 0, count: target)
        grad.withUnsafeBufferPointer { g in
            out.withUnsafeMutableBufferPointer { r in
                if target == 1 {
                    var s: Float = 0
                    for v in g { s += v }
                    r[0] = s
                } else {
                    var o = 0
                    while o < g.count {
                        for j in 0..<target { r[j] += g[o + j] }
                        o += target
                    }
                }
            }
        }
        return out
    }
}
