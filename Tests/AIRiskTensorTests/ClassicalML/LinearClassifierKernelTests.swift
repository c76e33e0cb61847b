import Testing

@testable import AIRiskTensor

@Suite("LinearClassifier kernel")
struct LinearClassifierKernelTests {
    func node(_ attributes: [String: AttributeValue]) -> Node {
        Node(
            name: "lc", opType: "LinearClassifier", domain: "ai.onnx.ml", inputs: ["X"], outputs: ["Y", "Z"],
            attributes: attributes)
    }

    let x = Tensor(shape: [4, 3], scalars: MLGradientCheck.values(12, seed: 7))

    @Test("multiclass scores and labels", arguments: ["NONE", "LOGISTIC", "SOFTMAX", "SOFTMAX_ZERO"])
    func multiclassGradient(transform: String) throws {
        let k = try LinearClassifierKernel(
            node: node([
                "coefficients": .floats(MLGradientCheck.values(9, seed: 1)), "intercepts": .floats([0.1, -0.2, 0.3]),
                "classlabels_ints": .ints([5, 6, 7]), "post_transform": .string(transform),
            ]), opset: 1)
        #expect(try MLGradientCheck.maxError(k, input: x, output: 1) < 2e-3)
        let out = try k.forward([x]).outputs
        #expect(out[0].shape == [4])
        #expect(out[1].shape == [4, 3])
        #expect(out[0].int64s?.allSatisfy { (5...7).contains($0) } == true)
    }

    @Test("binary form with one score column", arguments: ["NONE", "LOGISTIC"])
    func binaryGradient(transform: String) throws {
        let k = try LinearClassifierKernel(
            node: node([
                "coefficients": .floats([0.5, -1, 0.25]), "intercepts": .floats([0.1]),
                "classlabels_strings": .strings(["neg", "pos"]), "post_transform": .string(transform),
            ]), opset: 1)
        #expect(try MLGradientCheck.maxError(k, input: x, output: 1) < 2e-3)
        let out = try k.forward([x]).outputs
        #expect(out[1].shape == [4, 2])
        let z = try #require(out[1].floats)
        for r in 0..<4 { #expect(abs(z[2 * r] + z[2 * r + 1] - 1) < 1e-6) }
    }

    @Test("mismatched attributes and inputs are rejected naming the node")
    func errors() throws {
        #expect(
            throws: ClassicalMLError.missingAttribute(node: "lc", opType: "LinearClassifier", attribute: "coefficients")
        ) {
            try LinearClassifierKernel(node: node(["classlabels_ints": .ints([0, 1])]), opset: 1)
        }
        #expect(throws: ClassicalMLError.self) {
            try LinearClassifierKernel(
                node: node(["coefficients": .floats([1, 2, 3, 4]), "intercepts": .floats([0, 0, 0])]), opset: 1)
        }
        let k = try LinearClassifierKernel(
            node: node([
                "coefficients": .floats([1, 2, 3, 4]), "intercepts": .floats([0, 0]),
                "classlabels_ints": .ints([0, 1]),
            ]),
            opset: 1)
        #expect(throws: ClassicalMLError.self) { try k.forward([x]) }  // 3 features, model expects 2
    }
}
