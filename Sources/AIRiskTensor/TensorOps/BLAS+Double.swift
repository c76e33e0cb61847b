import CBLAS

extension BLAS {
    /// C = alpha · op(A) · op(B) + beta · C for row-major Float64 matrices (OpenBLAS's `cblas_dgemm`), the
    /// float64 lane's MatMul and Gemm. Same conventions as ``sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``.
    package static func dgemm(
        transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Double = 1,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double = 0, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard needsLibraryProduct(m: m, n: n, k: k, beta: beta, c: c, ldc: ldc) else { return }
        cblas_dgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
