import Testing

@testable import AIRiskTensor

@Suite("ZipMap kernel")
struct ZipMapKernelTests {
    func kernel(_ labels: AttributeValue, name: String = "classlabels_int64s") throws -> ZipMapKernel {
        try ZipMapKernel(
            node: Node(
                name: "zm", opType: "ZipMap", domain: "ai.onnx.ml", inputs: ["P"], outputs: ["Z"],
                attributes: [name: labels]), opset: 1)
    }

    @Test("passes the probability tensor and its gradient through unchanged")
    func passThrough() throws {
        let k = try kernel(.strings(["a", "b"]), name: "classlabels_strings")
        let p = Tensor(shape: [2, 2], scalars: [0.25, 0.75, 0.5, 0.5])
        let f = try k.forward([p])
        #expect(f.outputs == [p])
        let g = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        #expect(try k.backward(inputs: [p], forward: f, outputGradients: [g]) == [g])
    }

    @Test("a column count that differs from the labels, or no labels, is an error")
    func mismatch() throws {
        let k = try kernel(.ints([0, 1, 2]))
        #expect(throws: ClassicalMLError.self) { try k.forward([Tensor(shape: [1, 2], scalars: [0.5, 0.5])]) }
        #expect(throws: ClassicalMLError.self) { try kernel(.ints([])) }
    }
}
