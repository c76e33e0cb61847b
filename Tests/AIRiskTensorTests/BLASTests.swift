import Foundation
import Testing

@testable import AIRiskTensor

/// The engine's one matrix-product wrapper (oneDNN on x86-64, OpenBLAS elsewhere) against a Double-precision
/// triple loop: every transpose combination, row strides wider than the matrices, beta 0 on a C full of NaN
/// (C must be written, never read) and beta 1 accumulation, on shapes the fixtures use and odd ones that leave
/// partial vector tiles.
@Suite("BLAS")
struct BLASTests {
    struct Shape: Sendable, CustomStringConvertible {
        let m: Int, n: Int, k: Int
        var description: String { "\(m)×\(k) · \(k)×\(n)" }
    }

    static let shapes = [
        Shape(m: 1, n: 256, k: 64), Shape(m: 256, n: 256, k: 64), Shape(m: 16, n: 1024, k: 144),
        Shape(m: 67, n: 129, k: 71), Shape(m: 3, n: 5, k: 1), Shape(m: 1, n: 1, k: 300),
        // Single rows take the row product on AVX-512: partial 16-wide tiles in k and n, groups of sixteen rows and
        // their remainder, and the untransposed form up to 128 columns.
        Shape(m: 1, n: 300, k: 37), Shape(m: 1, n: 133, k: 19), Shape(m: 1, n: 100, k: 23), Shape(m: 1, n: 7, k: 16),
    ]

    /// op(A)·op(B) in Double, with A and B stored as `sgemm` reads them.
    static func reference(
        _ s: Shape, transA: Bool, transB: Bool, a: [Float], lda: Int, b: [Float], ldb: Int
    ) -> [Double] {
        var c = [Double](repeating: 0, count: s.m * s.n)
        for i in 0..<s.m {
            for j in 0..<s.n {
                var sum = 0.0
                for p in 0..<s.k {
                    let x = transA ? a[p * lda + i] : a[i * lda + p]
                    let y = transB ? b[j * ldb + p] : b[p * ldb + j]
                    sum += Double(x) * Double(y)
                }
                c[i * s.n + j] = sum
            }
        }
        return c
    }

    @Test("sgemm matches a Double triple loop for every transpose, with padded strides", arguments: shapes)
    func products(shape s: Shape) {
        var generator = SeededGenerator(seed: UInt64(s.m * 1_000_003 + s.n * 1009 + s.k))
        for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
            // Stored shapes and row strides, each padded by 3 so the strides are honoured, not assumed.
            let (aRows, aColumns) = transA ? (s.k, s.m) : (s.m, s.k)
            let (bRows, bColumns) = transB ? (s.n, s.k) : (s.k, s.n)
            let lda = aColumns + 3, ldb = bColumns + 3, ldc = s.n + 3
            let a = (0..<(aRows * lda)).map { _ in Float.random(in: -1...1, using: &generator) }
            let b = (0..<(bRows * ldb)).map { _ in Float.random(in: -1...1, using: &generator) }
            let expected = Self.reference(s, transA: transA, transB: transB, a: a, lda: lda, b: b, ldb: ldb)
            // beta 0 over NaN: the product alone. beta 1 over C = 1: the product plus one.
            for (beta, start) in [(Float(0), Float.nan), (Float(1), Float(1))] {
                var c = [Float](repeating: start, count: s.m * ldc)
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            BLAS.sgemm(
                                transA: transA, transB: transB, m: s.m, n: s.n, k: s.k, a: pa.baseAddress!, lda: lda,
                                b: pb.baseAddress!, ldb: ldb, beta: beta, c: pc.baseAddress!, ldc: ldc)
                        }
                    }
                }
                var worst = 0.0
                for i in 0..<s.m {
                    for j in 0..<s.n {
                        let want = expected[i * s.n + j] + Double(beta)
                        // Float32 accumulation over k terms of size ≤ 1: relative to the terms' scale.
                        let scale = max(1, sqrt(Double(s.k)))
                        worst = max(worst, abs(Double(c[i * ldc + j]) - want) / scale)
                    }
                    // The padding beyond n in each row of C is never written.
                    for j in s.n..<ldc { #expect(c[i * ldc + j].isNaN || c[i * ldc + j] == start) }
                }
                #expect(worst < 1e-5, "transA \(transA) transB \(transB) beta \(beta): worst scaled error \(worst)")
            }
        }
    }

    @Test("one thread per product unless the environment asks for more")
    func threads() {
        let env = ProcessInfo.processInfo.environment
        if env["OMP_NUM_THREADS"] == nil && env["OPENBLAS_NUM_THREADS"] == nil {
            #expect(BLAS.threadCount == 1)
        } else {
            #expect(BLAS.threadCount >= 1)
        }
    }
}
