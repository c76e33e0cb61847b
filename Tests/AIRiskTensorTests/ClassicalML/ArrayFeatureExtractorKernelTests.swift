import Testing

@testable import AIRiskTensor

@Suite("ArrayFeatureExtractor kernel")
struct ArrayFeatureExtractorKernelTests {
    let kernel = ArrayFeatureExtractorKernel(
        node: Node(
            name: "afe", opType: "ArrayFeatureExtractor", domain: "ai.onnx.ml", inputs: ["X", "Y"],
            outputs: ["Z"]), opset: 1)

    @Test("selects columns of the last axis and scatters the gradient back")
    func selectAndGradient() throws {
        let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let y = Tensor(shape: [2], int64: [2, 2])
        let f = try kernel.forward([x, y])
        #expect(f.outputs[0] == Tensor(shape: [2, 2], scalars: [3, 3, 6, 6]))
        let g = try kernel.backward(
            inputs: [x, y], forward: f, outputGradients: [Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])])
        #expect(g[0] == Tensor(shape: [2, 3], scalars: [0, 0, 3, 0, 0, 7]))
        #expect(g[1] == nil)
    }

    @Test("a 1-D table gives one row, as scikit-learn's label lookup expects")
    func labelLookup() throws {
        let labels = Tensor(shape: [3], storage: .string(["a", "b", "c"]))
        let out = try kernel.forward([labels, Tensor(shape: [4, 1], int64: [2, 0, 0, 1])]).outputs[0]
        #expect(out == Tensor(shape: [1, 4], storage: .string(["c", "a", "a", "b"])))
    }

    @Test("out-of-range and non-integer indices are errors naming the node")
    func errors() {
        let x = Tensor(shape: [3], scalars: [1, 2, 3])
        #expect(throws: ClassicalMLError.self) { try kernel.forward([x, Tensor(shape: [1], int64: [3])]) }
        #expect(throws: ClassicalMLError.self) { try kernel.forward([x, Tensor(shape: [1], int64: [-1])]) }
        #expect(throws: ClassicalMLError.self) { try kernel.forward([x, x]) }
    }
}
