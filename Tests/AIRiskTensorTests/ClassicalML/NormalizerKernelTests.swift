import Testing

@testable import AIRiskTensor

@Suite("Normalizer kernel")
struct NormalizerKernelTests {
    func kernel(_ norm: String) throws -> NormalizerKernel {
        try NormalizerKernel(
            node: Node(
                name: "n", opType: "Normalizer", domain: "ai.onnx.ml", inputs: ["X"], outputs: ["Y"],
                attributes: ["norm": .string(norm)]), opset: 1)
    }

    @Test("input gradients match finite differences", arguments: ["MAX", "L1", "L2"])
    func gradient(norm: String) throws {
        let x = Tensor(shape: [2, 3], scalars: [0.5, 2, -1, 3, 0.25, 1.5])
        #expect(try MLGradientCheck.maxError(try kernel(norm), input: x, output: 0) < 2e-3)
    }

    @Test("norms, with zero rows left unchanged")
    func values() throws {
        let x = Tensor(shape: [3, 2], scalars: [3, 4, 0, 0, -1, -2])
        let root5 = Float(5).squareRoot()
        let l2 = try #require(try kernel("L2").forward([x]).outputs[0].floats)
        let want: [Float] = [0.6, 0.8, 0, 0, -1 / root5, -2 / root5]
        for (a, b) in zip(l2, want) { #expect(abs(a - b) < 1e-6) }
        #expect(try kernel("L1").forward([x]).outputs[0].floats?[0] == 3 / 7)
        #expect(try kernel("MAX").forward([x]).outputs[0].floats?.suffix(2) == [1, 2])
        #expect(throws: ClassicalMLError.self) { try kernel("L3") }
    }
}
