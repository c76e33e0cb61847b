import Foundation
import Testing

@testable import AIRiskTensor

@Suite("Softmax and LogSoftmax")
struct SoftmaxKernelTests {
    func softmax(_ v: [Float]) -> [Float] {
        let m = v.max() ?? 0
        let e = v.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    @Test("Softmax normalises along the last axis from opset 13")
    func lastAxis() throws {
        let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 1, 1, 1])
        let y = try TestSupport.floats(TestSupport.run("Softmax", [x], opset: 13)[0])
        #expect(TestSupport.close(y, softmax([1, 2, 3]) + softmax([1, 1, 1])))
    }

    @Test("Softmax before opset 13 coerces to 2-D at the axis")
    func coerced() throws {
        let x = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
        let old = try TestSupport.floats(TestSupport.run("Softmax", [x], opset: 11)[0])
        #expect(TestSupport.close(old, softmax([1, 2, 3, 4])))
        let new = try TestSupport.floats(TestSupport.run("Softmax", [x], attributes: ["axis": .int(1)], opset: 13)[0])
        // Over axis 1 only: pairs (1,3) and (2,4).
        let p = softmax([1, 3])
        #expect(TestSupport.close(new, [p[0], p[0], p[1], p[1]]))
    }

    @Test("LogSoftmax is the log of Softmax")
    func logSoftmax() throws {
        let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, -1, 0, 5])
        let y = try TestSupport.floats(TestSupport.run("LogSoftmax", [x], opset: 13)[0])
        let expected = (softmax([1, 2, 3]) + softmax([-1, 0, 5])).map { Foundation.log($0) }
        #expect(TestSupport.close(y, expected))
    }
}
