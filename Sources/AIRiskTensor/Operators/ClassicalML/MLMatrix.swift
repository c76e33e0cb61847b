import CBLAS

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
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(n), Int32(k), 1,
                        xp.baseAddress, Int32(k), wp.baseAddress, Int32(k), 1, o.baseAddress, Int32(n))
                }
            }
        }
        return out
    }

    /// `g[rows, n] · w[n, k]` → `[rows, k]`, the input gradient of ``affine(_:rows:k:weights:n:bias:)``.
    static func backAffine(_ g: [Float], rows: Int, n: Int, weights w: [Float], k: Int) -> [Float] {
        var out = [Float](repeating: 0, count: rows * k)
        guard rows > 0, n > 0, k > 0 else { return out }
        out.withUnsafeMutableBufferPointer { o in
            g.withUnsafeBufferPointer { gp in
                w.withUnsafeBufferPointer { wp in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(k), Int32(n), 1,
                        gp.baseAddress, Int32(n), wp.baseAddress, Int32(k), 0, o.baseAddress, Int32(k))
                }
            }
        }
        return out
    }
}
