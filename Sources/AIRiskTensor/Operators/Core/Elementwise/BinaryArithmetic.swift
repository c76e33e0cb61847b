/// One elementwise arithmetic operator with broadcasting: its scalar functions and its gradients.
protocol BinaryArithmetic: Sendable {
    static var opType: String { get }
    static func apply(_ a: Float, _ b: Float) -> Float
    static func apply(_ a: Int64, _ b: Int64) -> Int64
    /// Gradients for A and B, given the output gradient, both operands and the output, all
    /// expanded to the output's shape.
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float)
    /// The broadcast loops. They are requirements with default implementations below, so each
    /// operator's witness is specialised for it (kernels are called through existentials, where a
    /// generic loop would call `apply` indirectly per element).
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float]
    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64]
    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float])
}

extension BinaryArithmetic {
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float] {
        // The common layouts (equal shapes, a scalar operand, a bias row repeated over a batch) are
        // written out here so `apply` is inlined and the loops vectorise; `Broadcast.binary` takes
        // `apply` as a closure it calls per element, which made a batch-256 bias Add cost more than
        // the MatMul before it.
        let n = Shape.count(shape)
        guard n > 0 else { return [] }
        let sameA = a.count == n
        let sameB = b.count == n
        let rowB = sameA && !sameB && b.count > 0 && Broadcast.isSuffix(bShape, of: shape)
        let rowA = sameB && !sameA && a.count > 0 && Broadcast.isSuffix(aShape, of: shape)
        guard (sameA && sameB) || (sameA && b.count == 1) || (sameB && a.count == 1) || rowA || rowB else {
            return Broadcast.binary(a, aShape, b, bShape, outShape: shape) { Self.apply($0, $1) }
        }
        return [Float](unsafeUninitializedCapacity: n) { out, initialized in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    let o = out.baseAddress!
                    let x = pa.baseAddress!
                    let y = pb.baseAddress!
                    if sameA && sameB {
                        for i in 0..<n { (o + i).initialize(to: apply(x[i], y[i])) }
                    } else if sameA && pb.count == 1 {
                        let s = y[0]
                        for i in 0..<n { (o + i).initialize(to: apply(x[i], s)) }
                    } else if sameB && pa.count == 1 {
                        let s = x[0]
                        for i in 0..<n { (o + i).initialize(to: apply(s, y[i])) }
                    } else if rowB {
                        let inner = pb.count
                        var start = 0
                        while start < n {
                            let row = o + start
                            let xr = x + start
                            for j in 0..<inner { (row + j).initialize(to: apply(xr[j], y[j])) }
                            start &+= inner
                        }
                    } else {
                        let inner = pa.count
                        var start = 0
                        while start < n {
                            let row = o + start
                            let yr = y + start
                            for j in 0..<inner { (row + j).initialize(to: apply(x[j], yr[j])) }
                            start &+= inner
                        }
                    }
                }
            }
            initialized = n
        }
    }

    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64] {
        Broadcast.binary(a, aShape, b, bShape, outShape: shape) { Self.apply($0, $1) }
    }

    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float]) {
        let n = g.count
        var ga = [Float](repeating: 0, count: n)
        var gb = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let (p, q) = gradients(g: g[i], a: a[i], b: b[i], y: y[i])
            ga[i] = p
            gb[i] = q
        }
        return (ga, gb)
    }
}
