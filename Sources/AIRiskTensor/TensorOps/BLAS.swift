import CBLAS
import CVectorMath
import Foundation

#if canImport(CDNNL)
    import CDNNL
#endif

/// Matrix products, the only path the engine uses for them: oneDNN's `dnnl_sgemm` on x86-64 (its kernels are
/// generated at run time for the CPU's vector extensions), OpenBLAS's `cblas_sgemm` elsewhere. BENCHMARKS.md
/// ("Matrix-product backend") has the measurements behind the choice.
///
/// The thread count is set once by ``ProcessConfiguration/configure()`` (one thread unless the environment says
/// otherwise); ``setThreadCount(_:)`` overrides it.
package enum BLAS {

    /// Sets how many threads one product may use (process-wide).
    package static func setThreadCount(_ n: Int) {
        ProcessConfiguration.configure()
        ProcessConfiguration.setKernelThreads(max(1, n))
    }

    /// The library behind ``sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``, for benchmark reports.
    package static var backend: String {
        #if canImport(CDNNL)
            "oneDNN dnnl_sgemm (code generated for this CPU)"
        #else
            "OpenBLAS cblas_sgemm"
        #endif
    }

    /// The number of threads one product uses.
    package static var threadCount: Int {
        ProcessConfiguration.configure()
        return ProcessConfiguration.kernelThreads
    }

    /// C = alpha · op(A) · op(B) + beta · C for row-major Float32 matrices, where op(A) is m×k and
    /// op(B) is k×n. `lda`, `ldb` and `ldc` are the row strides of A, B and C as stored.
    package static func sgemm(
        transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard needsLibraryProduct(m: m, n: n, k: k, beta: beta, c: c, ldc: ldc) else { return }
        // A single row (batch-1 layers, batch-1 recurrent steps): oneDNN packs and dispatches as for a large
        // product, 1.1 µs for an LSTM step of 1 × 64 × 256 where a plain AVX-512 loop takes 0.6 (BENCHMARKS.md).
        if m == 1, !transA, airisk_row_product(a, b, ldb, transB ? 1 : 0, c, n, k, alpha, beta) != 0 { return }
        #if canImport(CDNNL)
            ProcessConfiguration.applyKernelThreadsToCallingThread()
            // Row-major like the rest of the engine; with beta == 0 C is written without being read.
            let transposed = CChar(UInt8(ascii: "T")), plain = CChar(UInt8(ascii: "N"))
            _ = dnnl_sgemm(
                transA ? transposed : plain, transB ? transposed : plain, Int64(m), Int64(n), Int64(k), alpha, a,
                Int64(lda), b,
                Int64(ldb), beta, c, Int64(ldc))
        #else
            cblas_sgemm(
                CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        #endif
    }

    /// What ``sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)`` and ``dgemm`` do before the
    /// library call: false when nothing is left for it, because C is empty or k == 0 and C has been
    /// set to beta · C here (BLAS leaves C untouched when k == 0 only for beta == 1).
    @inline(__always)
    static func needsLibraryProduct<T: FloatingPoint>(
        m: Int, n: Int, k: Int, beta: T, c: UnsafeMutablePointer<T>, ldc: Int
    ) -> Bool {
        guard m > 0, n > 0 else { return false }
        ProcessConfiguration.configure()
        guard k > 0 else {
            for i in 0..<m {
                for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] }
            }
            return false
        }
        return true
    }

    /// The product of two dense row-major matrices given as arrays, op(A) m×k and op(B) k×n.
    package static func matmul(
        _ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transA: Bool = false, transB: Bool = false,
        alpha: Float = 1
    ) -> [Float] {
        [Float](unsafeUninitializedCapacity: m * n) { out, initialized in
            out.initialize(repeating: 0)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    if let ba = pa.baseAddress, let bb = pb.baseAddress, let bc = out.baseAddress {
                        sgemm(
                            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                            a: ba, lda: transA ? m : k, b: bb, ldb: transB ? k : n, c: bc, ldc: n)
                    }
                }
            }
            initialized = m * n
        }
    }
}
