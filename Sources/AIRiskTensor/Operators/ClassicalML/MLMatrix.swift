/// Row-major matrix products for the linear ai.onnx.ml operators, through BLAS.
enum MLMatrix {
    /// `x[rows, k] · w[n, k]ᵀ + bias[n]` → `[rows, n]`.
    static func affine(_ x: [Float], rows: Int, k: Int, weights w: [Float], n: Int, bias: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: rows * n)
        guard rows > 0, n > 0 else { return out }
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows { for j in 0..<n { o[r &* n &+ j] = bias[j] } }
            guard k > 0 else { return }
            x.withUnsafeBufferPointer { xp in
                w.withUnsafeBufferPointer { wp in
                    guard let x = xp.baseAddress, let w = wp.baseAddress, let o = o.baseAddress else { return }
                    BLAS.sgemm(
                        transA: false, transB: true, m: rows, n: n, k: k, a: x, lda: k, b: w, ldb: k, beta: 1, c: o,
                        ldc: n)
                }
            }
        }
        return out
    }
}
