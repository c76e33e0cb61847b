import Testing

@testable import AIRiskTensor

@Suite("Recurrent kernels (RNN, GRU, LSTM)")
struct RecurrentKernelTests {
    private static func kernelType(_ op: String) -> any Kernel.Type {
        switch op {
        case "RNN": RNNKernel.self
        case "GRU": GRUKernel.self
        case "LSTM": LSTMKernel.self
        default: RNNKernel.self
        }
    }

    @Test("a one-unit RNN over two steps, by hand")
    func rnnByHand() throws {
        let node = Node(
            name: "rnn", opType: "RNN", inputs: ["X", "W", "R"], outputs: ["Y", "Y_h"],
            attributes: ["hidden_size": .int(1), "activations": .strings(["Relu"])])
        let k = try RNNKernel(node: node, opset: 14)
        let out = try k.forward([
            Tensor(shape: [2, 1, 1], scalars: [1, 2]), Tensor(shape: [1, 1, 1], scalars: [2]),
            Tensor(shape: [1, 1, 1], scalars: [3]),
        ]).outputs
        // h1 = relu(2·1) = 2; h2 = relu(2·2 + 3·2) = 10.
        #expect(out[0].shape == [2, 1, 1, 1])
        #expect(out[0].floats == [2, 10])
        #expect(out[1].floats == [10])
    }

    @Test(
        "RNN, GRU and LSTM match the official ONNX cases",
        .enabled(if: NeuralFixtures.officialDataInstalled, NeuralFixtures.officialDataMissing),
        arguments: ["RNN", "GRU", "LSTM"].flatMap { NeuralFixtures.names(opType: $0, source: "onnx-backend-test") })
    func official(name: String) throws {
        let c = try NeuralFixtures.load(name)
        try NeuralFixtures.check(name, kernel: Self.kernelType(c.opType))
    }

    @Test(
        "RNN, GRU and LSTM match onnxruntime on directions, sequence_lens, clip and activations",
        arguments: ["RNN", "GRU", "LSTM"].flatMap { NeuralFixtures.names(opType: $0, source: "onnxruntime") })
    func onnxruntime(name: String) throws {
        let c = try NeuralFixtures.load(name)
        try NeuralFixtures.check(name, kernel: Self.kernelType(c.opType))
    }

    @Test(
        "gradients match finite differences for every input",
        arguments: ["RNN", "GRU", "LSTM"].flatMap { NeuralFixtures.names(opType: $0, source: "onnxruntime") })
    func gradients(name: String) throws {
        let c = try NeuralFixtures.load(name)
        let k = try Self.kernelType(c.opType).init(node: c.node, opset: c.opset)
        let inputs = try c.inputTensors()
        let floats = inputs.indices.filter { inputs[$0]?.floats != nil }
        try expectKernelGradientsMatchFiniteDifferences(
            kernel: k, inputs: inputs, check: floats, samples: 25,
            skipKinks: c.attributes["clip"] != nil || name.contains("relu") || name.contains("activations"))
    }

    @Test(
        "forward without a tape gives the same outputs and keeps nothing",
        arguments: ["RNN", "GRU", "LSTM"].flatMap { NeuralFixtures.names(opType: $0, source: "onnxruntime") })
    func tapeFree(name: String) throws {
        let c = try NeuralFixtures.load(name)
        let kernel = try Self.kernelType(c.opType).init(node: c.node, opset: c.opset)
        let k = try #require(kernel as? any TapeFreeForward)
        let inputs = try c.inputTensors()
        let full = try k.forward(inputs), light = try k.forwardWithoutTape(inputs)
        #expect(full.saved != nil)
        #expect(light.saved == nil)
        #expect(light.outputs == full.outputs)
    }

    @Test("batch-first layout gradients match finite differences")
    func batchFirstGradients() throws {
        var rng = SeededGenerator(seed: 41)
        for op in ["RNN", "GRU", "LSTM"] {
            let gates = op == "RNN" ? 1 : op == "GRU" ? 3 : 4
            let node = Node(
                name: op.lowercased(), opType: op, inputs: ["X", "W", "R", "B", "", "h0"],
                outputs: ["Y", "Y_h"],
                attributes: [
                    "hidden_size": .int(3), "layout": .int(1),
                    "direction": .string("bidirectional"),
                ])
            let k = try Self.kernelType(op).init(node: node, opset: 14)
            let inputs: [Tensor?] = [
                .seededUniform([2, 4, 3], &rng), .seededUniform([2, gates * 3, 3], &rng),
                .seededUniform([2, gates * 3, 3], &rng),
                .seededUniform([2, 2 * gates * 3], &rng), nil, .seededUniform([2, 2, 3], &rng),
            ]
            try expectKernelGradientsMatchFiniteDifferences(
                kernel: k, inputs: inputs, check: [0, 1, 2, 3, 5], samples: 20)
        }
    }

    @Test("a wrong weight shape and an unknown activation fail with the node named")
    func errors() throws {
        let node = Node(
            name: "bad", opType: "RNN", inputs: ["X", "W", "R"], outputs: ["Y"],
            attributes: ["hidden_size": .int(2)])
        let k = try RNNKernel(node: node, opset: 14)
        #expect(throws: NeuralKernelError.self) {
            try k.forward([
                Tensor(shape: [1, 1, 2], scalars: [1, 2]),
                Tensor(shape: [1, 3, 2], scalars: Array(repeating: 0, count: 6)),
                Tensor(shape: [1, 2, 2], scalars: [0, 0, 0, 0]),
            ])
        }
        var bad = node
        bad.attributes["activations"] = .strings(["Swish"])
        #expect(throws: NeuralKernelError.self) { try RNNKernel(node: bad, opset: 14) }
    }
}
