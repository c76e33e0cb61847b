import Testing

@testable import AIRiskTensor

@Suite("LinearRegressor kernel")
struct LinearRegressorKernelTests {
    @Test("values and input gradients", arguments: ["NONE", "SOFTMAX", "LOGISTIC"])
    func gradient(transform: String) throws {
        let node = Node(
            name: "lr", opType: "LinearRegressor", domain: "ai.onnx.ml", inputs: ["X"], outputs: ["Y"],
            attributes: [
                "coefficients": .floats([1, 2, 3, -1, 0.5, 0]), "intercepts": .floats([0.5, -0.5]),
                "targets": .int(2), "post_transform": .string(transform),
            ])
        let k = try LinearRegressorKernel(node: node, opset: 1)
        let x = Tensor(shape: [2, 3], scalars: [1, 0, -1, 0.5, 0.25, 2])
        #expect(try MLGradientCheck.maxError(k, input: x, output: 0) < 2e-3)
        if transform == "NONE" {
            #expect(try k.forward([x]).outputs[0] == Tensor(shape: [2, 2], scalars: [-1.5, -1.5, 7.5, -0.875]))
        }
    }
}
