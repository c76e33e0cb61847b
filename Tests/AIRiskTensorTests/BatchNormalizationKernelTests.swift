import Testing

@testable import AIRiskTensor

@Suite("BatchNormalization kernel")
struct BatchNormalizationKernelTests {
    private func node(_ attributes: [String: AttributeValue] = [:], outputs: [String] = ["y"]) -> Node {
        Node(
            name: "bn", opType: "BatchNormalization", inputs: ["x", "s", "b", "m", "v"], outputs: outputs,
            attributes: attributes)
    }

    @Test("normalises each channel with its statistics, by hand")
    func handChecked() throws {
        let k = try BatchNormalizationKernel(node: node(["epsilon": .float(0)]), opset: 15)
        let x = Tensor(shape: [1, 2, 2], scalars: [1, 3, 10, 20])
        let y = try k.forward([
            x, Tensor(shape: [2], scalars: [2, 1]), Tensor(shape: [2], scalars: [0, 1]),
            Tensor(shape: [2], scalars: [2, 10]), Tensor(shape: [2], scalars: [4, 100]),
        ]).outputs[0]
        #expect(y.floats == [-1, 1, 1, 2])
    }

    @Test(
        "matches the official ONNX inference cases",
        .enabled(if: NeuralFixtures.officialDataInstalled, NeuralFixtures.officialDataMissing),
        arguments: NeuralFixtures.names(opType: "BatchNormalization", source: "onnx-backend-test")
            .filter { !$0.contains("training") })
    func official(name: String) throws {
        try NeuralFixtures.check(name, kernel: BatchNormalizationKernel.self)
    }

    @Test(
        "matches onnxruntime at opset 9",
        arguments: NeuralFixtures.names(opType: "BatchNormalization", source: "onnxruntime"))
    func onnxruntime(name: String) throws {
        try NeuralFixtures.check(name, kernel: BatchNormalizationKernel.self)
    }

    @Test("training mode fails at load with advice", arguments: ["test_batchnorm_example_training_mode"])
    func trainingMode(name: String) throws {
        let c = try NeuralFixtures.load(name)
        #expect(throws: NeuralKernelError.self) { try BatchNormalizationKernel(node: c.node, opset: c.opset) }
        #expect(throws: NeuralKernelError.self) {
            try BatchNormalizationKernel(node: node(outputs: ["y", "mean", "var"]), opset: 9)
        }
    }

    @Test("gradients for X, scale, B, mean and var match finite differences")
    func gradients() throws {
        var rng = SeededGenerator(seed: 31)
        let k = try BatchNormalizationKernel(node: node(["epsilon": .float(1e-3)]), opset: 15)
        let inputs: [Tensor?] = [
            .seededUniform([2, 3, 4, 2], &rng), .seededUniform([3], &rng), .seededUniform([3], &rng),
            .seededUniform([3], &rng),
            .seededUniform([3], &rng, low: 0.5, high: 1.5),
        ]
        try expectKernelGradientsMatchFiniteDifferences(kernel: k, inputs: inputs, check: [0, 1, 2, 3, 4])
    }
}
