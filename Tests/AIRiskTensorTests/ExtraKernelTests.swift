import Testing

@testable import AIRiskTensor

@Suite("Expand, Where, comparisons, Not, Abs, Reciprocal")
struct ExtraKernelTests {
    @Test("Expand broadcasts to the requested shape, including a larger rank")
    func expand() throws {
        let y = try TestSupport.run(
            "Expand", [Tensor(shape: [2, 1], scalars: [1, 2]), Tensor(int64Vector: [2, 1, 3])])[0]
        #expect(y.shape == [2, 2, 3])
        #expect(y.floats == [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2])
        #expect(throws: OperatorError.self) {
            try TestSupport.run("Expand", [Tensor.zeros([2, 3]), Tensor(int64Vector: [4])])
        }
    }

    @Test("Where selects with broadcasting; comparisons and Not give bools")
    func whereAndComparisons() throws {
        let a = Tensor(shape: [2, 2], scalars: [1, 5, 3, 2])
        let b = Tensor(vector: [2, 2])
        let less = try TestSupport.run("Less", [a, b])[0]
        #expect(less.bools == [true, false, false, false])
        #expect(try TestSupport.run("GreaterOrEqual", [a, b])[0].bools == [false, true, true, true])
        #expect(
            try TestSupport.run("Equal", [Tensor(int64Vector: [1, 2]), Tensor(int64Scalar: 2)])[0].bools == [
                false, true,
            ])
        #expect(try TestSupport.run("Not", [less])[0].bools == [false, true, true, true])
        let w = try TestSupport.run("Where", [less, a, Tensor(scalar: 0)])[0]
        #expect(w.floats == [1, 0, 0, 0])
    }

    @Test("Abs and Reciprocal values")
    func unary() throws {
        #expect(try TestSupport.run("Abs", [Tensor(vector: [-2, 3])])[0].floats == [2, 3])
        #expect(try TestSupport.run("Abs", [Tensor(int64Vector: [-2, 3])])[0].int64s == [2, 3])
        #expect(try TestSupport.run("Reciprocal", [Tensor(vector: [2, -4])])[0].floats == [0.5, -0.25])
    }

    @Test("Gradients of Expand, Where, Abs and Reciprocal match finite differences")
    func gradients() throws {
        let x = Tensor(shape: [2, 1], scalars: [0.7, -1.3])
        try TestSupport.checkNode("Expand", [x, Tensor(int64Vector: [3, 2, 4])], wrt: [0])
        let cond = Tensor(shape: [2, 2], bools: [true, false, false, true])
        try TestSupport.checkNode(
            "Where", [cond, Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), Tensor(vector: [0.5, -0.5])], wrt: [1, 2])
        try TestSupport.checkNode("Abs", [Tensor(vector: [-1.5, 0.4, 2])], wrt: [0])
        try TestSupport.checkNode("Reciprocal", [Tensor(vector: [-1.5, 0.8, 2])], wrt: [0])
    }
}
