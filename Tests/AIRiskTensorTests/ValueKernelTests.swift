import Testing

@testable import AIRiskTensor

@Suite("Constant, ConstantOfShape, Cast, reductions and ArgMax")
struct ValueKernelTests {
    @Test("Constant accepts every value_* attribute")
    func constant() throws {
        #expect(
            try TestSupport.run("Constant", [], attributes: ["value": .tensor(Tensor(vector: [1, 2]))])[0].floats == [
                1, 2,
            ])
        #expect(try TestSupport.run("Constant", [], attributes: ["value_float": .float(3)])[0] == Tensor(scalar: 3))
        #expect(try TestSupport.run("Constant", [], attributes: ["value_floats": .floats([1, 2])])[0].shape == [2])
        #expect(try TestSupport.run("Constant", [], attributes: ["value_int": .int(4)])[0] == Tensor(int64Scalar: 4))
        #expect(try TestSupport.run("Constant", [], attributes: ["value_ints": .ints([4, 5])])[0].int64s == [4, 5])
        #expect(try TestSupport.run("Constant", [], attributes: ["value_string": .string("a")])[0].strings == ["a"])
        #expect(throws: OperatorError.self) { try TestSupport.run("Constant", []) }
    }

    @Test("ConstantOfShape fills with zero or the given value")
    func constantOfShape() throws {
        let z = try TestSupport.run("ConstantOfShape", [Tensor(int64Vector: [2, 2])])[0]
        #expect(z == Tensor.zeros([2, 2]))
        let o = try TestSupport.run(
            "ConstantOfShape", [Tensor(int64Vector: [3])], attributes: ["value": .tensor(Tensor(int64Vector: [7]))])[0]
        #expect(o.int64s == [7, 7, 7])
        #expect(throws: OperatorError.self) {
            try TestSupport.run("ConstantOfShape", [Tensor(int64Vector: [Int64.max, 4])])
        }
    }

    @Test("Cast converts between float, int64, bool and string")
    func cast() throws {
        let x = Tensor(vector: [-1.7, 0, 2.5, 300])
        #expect(try TestSupport.run("Cast", [x], attributes: ["to": .int(7)])[0].int64s == [-1, 0, 2, 300])
        #expect(try TestSupport.run("Cast", [x], attributes: ["to": .int(2)])[0].int64s == [255, 0, 2, 44])
        #expect(try TestSupport.run("Cast", [x], attributes: ["to": .int(9)])[0].bools == [true, false, true, true])
        // float64 has its own storage: the float32 values widen exactly.
        #expect(
            try TestSupport.run("Cast", [x], attributes: ["to": .int(11)])[0]
                == Tensor(shape: [4], doubles: [Double(Float(-1.7)), 0, 2.5, 300]))
        let i = Tensor(int64Vector: [1, 0])
        #expect(try TestSupport.run("Cast", [i], attributes: ["to": .int(1)])[0].floats == [1, 0])
        let s = Tensor(shape: [2], storage: .string(["1.5", "-2"]))
        #expect(try TestSupport.run("Cast", [s], attributes: ["to": .int(1)])[0].floats == [1.5, -2])
        #expect(throws: OperatorError.self) {
            try TestSupport.run("Cast", [Tensor(shape: [1], storage: .string(["x"]))], attributes: ["to": .int(1)])
        }
    }

    @Test("ReduceSum and ReduceMean with keepdims, axes as attribute or input, and noop_with_empty_axes")
    func reductions() throws {
        let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let s = try TestSupport.run("ReduceSum", [x, Tensor(int64Vector: [1])], opset: 13)[0]
        #expect(s.shape == [2, 1])
        #expect(s.floats == [6, 15])
        let all = try TestSupport.run("ReduceSum", [x], attributes: ["keepdims": .int(0)], opset: 13)[0]
        #expect(all == Tensor(scalar: 21))
        let noop = try TestSupport.run("ReduceSum", [x], attributes: ["noop_with_empty_axes": .int(1)], opset: 13)[0]
        #expect(noop == x)
        let old = try TestSupport.run(
            "ReduceSum", [x], attributes: ["axes": .ints([0]), "keepdims": .int(0)], opset: 11)[0]
        #expect(old.floats == [5, 7, 9])
        let m = try TestSupport.run("ReduceMean", [x], attributes: ["axes": .ints([-1])], opset: 13)[0]
        #expect(m.floats == [2, 5])
        let m18 = try TestSupport.run("ReduceMean", [x, Tensor(int64Vector: [0])], opset: 18)[0]
        #expect(m18.floats == [2.5, 3.5, 4.5])
    }

    @Test("ArgMax picks the first or last maximum")
    func argmax() throws {
        let x = Tensor(shape: [2, 3], scalars: [1, 3, 3, 5, 2, 5])
        let first = try TestSupport.run("ArgMax", [x], attributes: ["axis": .int(1)])[0]
        #expect(first.shape == [2, 1])
        #expect(first.int64s == [1, 0])
        let last = try TestSupport.run(
            "ArgMax", [x], attributes: ["axis": .int(1), "keepdims": .int(0), "select_last_index": .int(1)])[0]
        #expect(last.shape == [2])
        #expect(last.int64s == [2, 2])
    }
}
