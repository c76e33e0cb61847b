import Testing

@testable import AIRiskTensor

@Suite("Gemm and MatMul")
struct LinearAlgebraKernelTests {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = Tensor(shape: [3, 2], scalars: [1, 0, 0, 1, 1, 1])

    @Test("Gemm computes alpha·A·B + beta·C with a broadcast bias")
    func gemm() throws {
        let c = Tensor(vector: [10, 20])
        let y = try TestSupport.run("Gemm", [a, b, c], attributes: ["alpha": .float(2), "beta": .float(0.5)])[0]
        #expect(y.shape == [2, 2])
        let expected: [Float] = [13, 20, 25, 32]  // 2·A·B + 0.5·C
        #expect(y.floats == expected)
    }

    @Test("Gemm honours transA and transB")
    func gemmTransposed() throws {
        let at = Tensor(shape: [3, 2], scalars: [1, 4, 2, 5, 3, 6])
        let bt = Tensor(shape: [2, 3], scalars: [1, 0, 1, 0, 1, 1])
        let y = try TestSupport.run("Gemm", [at, bt], attributes: ["transA": .int(1), "transB": .int(1)])[0]
        #expect(y.floats == [4, 5, 10, 11])
    }

    @Test("Gemm rejects mismatched inner dimensions naming the node")
    func gemmMismatch() throws {
        let error = #expect(throws: OperatorError.self) { try TestSupport.run("Gemm", [a, a]) }
        #expect(error?.description.contains("node 'n' (Gemm)") == true)
    }

    @Test("MatMul of matrices, vectors and broadcast batches")
    func matmul() throws {
        #expect(try TestSupport.run("MatMul", [a, b])[0].floats == [4, 5, 10, 11])
        let v = try TestSupport.run("MatMul", [Tensor(vector: [1, 1, 1]), b])[0]
        #expect(v.shape == [2])
        #expect(v.floats == [2, 2])
        let mv = try TestSupport.run("MatMul", [a, Tensor(vector: [1, 0, 1])])[0]
        #expect(mv.shape == [2])
        #expect(mv.floats == [4, 10])
        // Batch of two A's against one B, and one A against a batch of B's.
        let a2 = Tensor(shape: [2, 1, 3], scalars: [1, 2, 3, 4, 5, 6])
        let y = try TestSupport.run("MatMul", [a2, b])[0]
        #expect(y.shape == [2, 1, 2])
        #expect(y.floats == [4, 5, 10, 11])
        let b2 = Tensor(shape: [2, 3, 1], scalars: [1, 0, 0, 0, 0, 1])
        let z = try TestSupport.run("MatMul", [a, b2])[0]
        #expect(z.shape == [2, 2, 1])
        #expect(z.floats == [1, 4, 3, 6])
    }
}
