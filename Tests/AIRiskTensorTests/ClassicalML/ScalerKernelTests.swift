import Testing

@testable import AIRiskTensor

@Suite("Scaler kernel")
struct ScalerKernelTests {
    @Test("(x − offset)·scale per column, broadcast single values, gradient")
    func scale() throws {
        let node = Node(
            name: "s", opType: "Scaler", domain: "ai.onnx.ml", inputs: ["X"], outputs: ["Y"],
            attributes: ["offset": .floats([1, 2]), "scale": .floats([2])])
        let k = try ScalerKernel(node: node, opset: 1)
        let x = Tensor(shape: [2, 2], scalars: [1, 2, 3, 5])
        #expect(try k.forward([x]).outputs[0] == Tensor(shape: [2, 2], scalars: [0, 0, 4, 6]))
        #expect(try MLGradientCheck.maxError(k, input: x, output: 0) < 1e-3)
        #expect(throws: ClassicalMLError.self) { try k.forward([Tensor(shape: [1, 3], scalars: [1, 2, 3])]) }
    }

    @Test("integer inputs are scaled as floats and get no gradient")
    func integers() throws {
        let node = Node(
            name: "s", opType: "Scaler", domain: "ai.onnx.ml", inputs: ["X"], outputs: ["Y"],
            attributes: ["offset": .floats([1]), "scale": .floats([0.5])])
        let k = try ScalerKernel(node: node, opset: 1)
        let x = Tensor(shape: [3], int64: [1, 3, 5])
        let f = try k.forward([x])
        #expect(f.outputs[0] == Tensor(shape: [3], scalars: [0, 1, 2]))
        let g = try k.backward(inputs: [x], forward: f, outputGradients: [Tensor(shape: [3], scalars: [1, 1, 1])])
        #expect(g.count == 1 && g[0] == nil)
    }
}
