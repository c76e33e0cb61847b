import Foundation
import Testing

@testable import AIRiskTensor

@Suite("Elementwise and activation kernels")
struct ArithmeticKernelTests {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let row = Tensor(shape: [3], scalars: [10, 20, 30])

    @Test("Add, Sub, Mul, Div broadcast a row over a matrix")
    func broadcastArithmetic() throws {
        #expect(try TestSupport.run("Add", [a, row])[0].floats == [11, 22, 33, 14, 25, 36])
        #expect(try TestSupport.run("Sub", [a, row])[0].floats == [-9, -18, -27, -6, -15, -24])
        #expect(try TestSupport.run("Mul", [row, a])[0].floats == [10, 40, 90, 40, 100, 180])
        #expect(try TestSupport.run("Div", [a, Tensor(scalar: 2)])[0].floats == [0.5, 1, 1.5, 2, 2.5, 3])
    }

    @Test("Broadcasting a column against a row yields the outer combination")
    func generalBroadcast() throws {
        let col = Tensor(shape: [2, 1], scalars: [1, 2])
        let y = try TestSupport.run("Add", [col, row])[0]
        #expect(y.shape == [2, 3])
        #expect(y.floats == [11, 21, 31, 12, 22, 32])
        let c3 = Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4])
        let r3 = Tensor(shape: [3, 1], scalars: [10, 20, 30])
        let z = try TestSupport.run("Mul", [c3, r3])[0]
        #expect(z.shape == [2, 3, 2])
        #expect(z.floats == [10, 20, 20, 40, 30, 60, 30, 40, 60, 80, 90, 120])
    }

    @Test("Incompatible shapes are reported with both shapes")
    func incompatible() throws {
        let error = #expect(throws: OperatorError.self) {
            try TestSupport.run("Add", [Tensor.zeros([2, 3]), Tensor.zeros([2])])
        }
        #expect(error?.description.contains("[2, 3]") == true)
    }

    @Test("Int64 arithmetic keeps int64 and truncates division")
    func int64Arithmetic() throws {
        let x = Tensor(int64Vector: [7, -7, 9])
        let y = Tensor(int64Vector: [2, 2, 3])
        #expect(try TestSupport.run("Div", [x, y])[0].int64s == [3, -3, 3])
        #expect(try TestSupport.run("Mul", [x, y])[0].int64s == [14, -14, 27])
        #expect(try TestSupport.run("Neg", [x])[0].int64s == [-7, 7, -9])
    }

    @Test("Pow accepts an int64 exponent")
    func pow() throws {
        let y = try TestSupport.run("Pow", [Tensor(vector: [2, 3]), Tensor(int64Vector: [3])])[0]
        #expect(y.floats == [8, 27])
    }

    @Test("Unary functions match their definitions")
    func unary() throws {
        let x = Tensor(vector: [-2, -0.5, 0.5, 2])
        let v: [Float] = [-2, -0.5, 0.5, 2]
        #expect(try TestSupport.run("Neg", [x])[0].floats == v.map { -$0 })
        #expect(TestSupport.close(try TestSupport.floats(TestSupport.run("Exp", [x])[0]), v.map { Foundation.exp($0) }))
        #expect(
            TestSupport.close(try TestSupport.floats(TestSupport.run("Tanh", [x])[0]), v.map { Foundation.tanh($0) }))
        #expect(
            TestSupport.close(
                try TestSupport.floats(TestSupport.run("Sigmoid", [x])[0]), v.map { 1 / (1 + Foundation.exp(-$0)) }))
        #expect(try TestSupport.run("Relu", [x])[0].floats == [0, 0, 0.5, 2])
        #expect(
            try TestSupport.run("LeakyRelu", [x], attributes: ["alpha": .float(0.1)])[0].floats == [
                -0.2, -0.05, 0.5, 2,
            ])
        #expect(
            TestSupport.close(
                try TestSupport.floats(TestSupport.run("Elu", [x])[0]),
                [Foundation.exp(-2) - 1, Foundation.exp(-0.5) - 1, 0.5, 2]))
        let p = Tensor(vector: [1, 4, 9])
        #expect(try TestSupport.run("Sqrt", [p])[0].floats == [1, 2, 3])
        #expect(
            TestSupport.close(
                try TestSupport.floats(TestSupport.run("Log", [p])[0]), [0, Foundation.log(4), Foundation.log(9)]))
    }

    @Test("Sigmoid is stable for large magnitudes")
    func sigmoidStable() throws {
        let y = try TestSupport.floats(TestSupport.run("Sigmoid", [Tensor(vector: [-100, 100])])[0])
        #expect(y[0] >= 0 && y[0] < 1e-30)
        #expect(y[1] == 1)
    }

    @Test("Clip uses attributes before opset 11 and inputs after")
    func clip() throws {
        let x = Tensor(vector: [-3, 0, 3])
        let old = try TestSupport.run("Clip", [x], attributes: ["min": .float(-1), "max": .float(2)], opset: 6)[0]
        #expect(old.floats == [-1, 0, 2])
        let new = try TestSupport.run("Clip", [x, Tensor(scalar: -1), nil], opset: 13)[0]
        #expect(new.floats == [-1, 0, 3])
        let both = try TestSupport.run("Clip", [x, nil, Tensor(scalar: 1)], opset: 13)[0]
        #expect(both.floats == [-3, 0, 1])
    }
}
