import Testing

@testable import AIRiskTensor

@Suite("Tensor helpers: construction, shapes, broadcasting, conversions, BLAS")
struct TensorHelpersTests {
    @Test("Convenience initialisers build the right shapes and storages")
    func initialisers() {
        #expect(Tensor.zeros([2, 3]).floats == [Float](repeating: 0, count: 6))
        #expect(Tensor(filled: 2, shape: [2]).floats == [2, 2])
        #expect(Tensor(scalar: 1.5).shape == [])
        #expect(Tensor(int64Scalar: 3).int64s == [3])
        #expect(Tensor(vector: [1, 2]).rank == 1)
        #expect(Tensor(shape: [2], bools: [true, false]).bools == [true, false])
        #expect(Tensor(vector: [1, 2, 3, 4]).reshaped([2, 2]).shape == [2, 2])
    }

    @Test("Element counts and row-major strides")
    func shapes() {
        #expect(Shape.count([]) == 1)
        #expect(Shape.count([2, 0, 3]) == 0)
        #expect(Shape.strides([2, 3, 4]) == [12, 4, 1])
        #expect(Shape.normalizeAxis(-1, rank: 3) == 2)
        #expect(Shape.normalizeAxis(3, rank: 3) == nil)
        #expect(Shape.checkedCount([2, 3]) == 6)
        #expect(Shape.checkedCount([2, -1]) == nil)
        #expect(Shape.checkedCount([Int.max, 2]) == nil)
    }

    @Test("Broadcast shapes follow numpy rules")
    func broadcastShapes() throws {
        #expect(try Broadcast.shape([2, 3], [3]) == [2, 3])
        #expect(try Broadcast.shape([2, 1, 4], [3, 1]) == [2, 3, 4])
        #expect(try Broadcast.shape([], [5]) == [5])
        #expect(throws: BroadcastError(lhs: [2, 3], rhs: [2])) { try Broadcast.shape([2, 3], [2]) }
    }

    @Test("expand and reduce are adjoint: ⟨expand(a), g⟩ = ⟨a, reduce(g)⟩")
    func expandReduce() {
        let cases: [([Int], [Int])] = [
            ([3], [2, 3]), ([2, 1], [2, 3]), ([1], [4]), ([1, 3, 1], [2, 3, 2]), ([2, 3], [2, 3]),
        ]
        for (from, to) in cases {
            let a = TestSupport.values(Shape.count(from), seed: 1)
            let g = TestSupport.values(Shape.count(to), seed: 2)
            let e = Broadcast.expand(a, from: from, to: to)
            let r = Broadcast.reduce(g, from: to, to: from)
            #expect(e.count == Shape.count(to))
            #expect(r.count == Shape.count(from))
            let lhs = zip(e, g).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            let rhs = zip(a, r).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            #expect(abs(lhs - rhs) < 1e-4, "\(from) → \(to)")
        }
        #expect(Broadcast.expand([1, 2], from: [2, 1], to: [2, 3]) == [1, 1, 1, 2, 2, 2])
    }

    @Test("Binary broadcasting agrees between fast paths and the general path")
    func binaryPaths() {
        let a = TestSupport.values(24, seed: 3)
        let b = TestSupport.values(4, seed: 4)
        // [2,3,4] + [4] and + [1,1,4] take the suffix path; + [2,1,4] the general one.
        var expected: [Float] = []
        for i in 0..<24 { expected.append(a[i] + b[i % 4]) }
        #expect(Broadcast.binary(a, [2, 3, 4], b, [4], outShape: [2, 3, 4], +) == expected)
        #expect(Broadcast.binary(a, [2, 3, 4], b, [1, 1, 4], outShape: [2, 3, 4], +) == expected)
        let b8 = TestSupport.values(8, seed: 7)
        var expected8: [Float] = []
        for i in 0..<24 { expected8.append(a[i] + b8[(i / 12) * 4 + i % 4]) }
        #expect(Broadcast.binary(a, [2, 3, 4], b8, [2, 1, 4], outShape: [2, 3, 4], +) == expected8)
        #expect(Broadcast.binary(b8, [2, 1, 4], a, [2, 3, 4], outShape: [2, 3, 4], +) == expected8)
        let col = Broadcast.binary(a, [2, 3, 4], [10, 20, 30], [3, 1], outShape: [2, 3, 4], +)
        #expect(col[0] == a[0] + 10 && col[4] == a[4] + 20 && col[23] == a[23] + 30)
    }

    @Test("Conversions follow Cast semantics")
    func conversions() throws {
        let f = Tensor(vector: [-2.7, 0, 3.9, .nan])
        #expect(try f.converted(to: .int64).int64s == [-2, 0, 3, 0])
        #expect(try f.converted(to: .bool).bools == [true, false, true, true])
        #expect(try Tensor(int64Vector: [1, -3]).converted(to: .float).floats == [1, -3])
        #expect(
            try Tensor(shape: [2], storage: .string(["2.5", "inf"])).converted(to: .float).floats == [2.5, .infinity])
        #expect(Tensor(vector: [1.5]).asStrings() == ["1.5"])
        #expect(throws: Tensor.ConversionError.self) {
            try Tensor(shape: [1], storage: .string(["abc"])).converted(to: .int64)
        }
        #expect(ElementKind(onnxDataType: 11) == .double)
        #expect(ElementKind(onnxDataType: 10) == .float)
        #expect(ElementKind(onnxDataType: 6) == .int64)
        #expect(ElementKind(onnxDataType: 14) == nil)
    }

    @Test("BLAS products match a direct computation, with transposes")
    func blas() {
        let a = TestSupport.values(6, seed: 5)  // 2×3
        let b = TestSupport.values(12, seed: 6)  // 3×4
        let c = BLAS.matmul(a, b, m: 2, n: 4, k: 3)
        for i in 0..<2 {
            for j in 0..<4 {
                var s: Float = 0
                for k in 0..<3 { s += a[i * 3 + k] * b[k * 4 + j] }
                #expect(abs(c[i * 4 + j] - s) < 1e-5)
            }
        }
        // (Aᵀ)ᵀ·B with A stored transposed.
        let at = (0..<6).map { a[($0 % 2) * 3 + $0 / 2] }  // 3×2
        #expect(zip(BLAS.matmul(at, b, m: 2, n: 4, k: 3, transA: true), c).allSatisfy { abs($0 - $1) < 1e-5 })
    }
}
