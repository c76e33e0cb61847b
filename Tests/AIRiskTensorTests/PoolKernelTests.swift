import Testing

@testable import AIRiskTensor

@Suite("Pooling kernels")
struct PoolKernelTests {
    private func node(_ op: String, _ attributes: [String: AttributeValue], outputs: [String] = ["y"]) -> Node {
        Node(name: op.lowercased(), opType: op, inputs: ["x"], outputs: outputs, attributes: attributes)
    }

    private let image = Tensor(shape: [1, 1, 3, 4], scalars: [1, 5, 2, 0, 3, 4, 8, 7, 6, 1, 9, 2])

    @Test("max pooling 2x2 stride 2 with ceil mode, by hand")
    func maxByHand() throws {
        let k = try MaxPoolKernel(
            node: node(
                "MaxPool", ["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2]), "ceil_mode": .int(1)],
                outputs: ["y", "i"]), opset: 12)
        let out = try k.forward([image]).outputs
        #expect(out[0].shape == [1, 1, 2, 2])
        #expect(out[0].floats == [5, 8, 6, 9])
        #expect(out[1].int64s == [1, 6, 8, 10])
    }

    @Test(
        "MaxPool without a tape gives the taped pass's values bit for bit (direct rows, or the table when padded)",
        arguments: Self.maxPoolWindows)
    func tapeFreeMax(attributes: [String: AttributeValue]) throws {
        let k = try MaxPoolKernel(node: node("MaxPool", attributes), opset: 12)
        let oneD = attributes["kernel_shape"].map { if case .ints(let v) = $0 { v.count == 1 } else { false } } ?? false
        // 37 columns: the 2×2 path takes eight outputs at a time, then the rest one by one.
        let x = Self.awkwardImage(oneD ? [2, 3, 11] : [2, 3, 7, 37])
        let taped = try #require(try k.forward([x]).outputs.first?.floats)
        let free = try #require(try k.forwardWithoutTape([x]).outputs.first)
        #expect(free.shape == (try k.forward([x]).outputs[0].shape))
        #expect((free.floats ?? []).map(\.bitPattern) == taped.map(\.bitPattern))
    }

    @Test(
        "MaxPool on a channels-last image gives the taped pass's values bit for bit, in either output layout",
        arguments: Self.maxPoolWindows.dropLast())  // 2-D windows only
    func channelsLastMax(attributes: [String: AttributeValue]) throws {
        let k = try MaxPoolKernel(node: node("MaxPool", attributes), opset: 12)
        // 19 channels: not a multiple of any vector width.
        let x = Self.awkwardImage([2, 19, 7, 9])
        let taped = try #require(try k.forward([x]).outputs.first)
        let last = try #require(try k.forwardChannelsLast(ChannelsLast.channelsLast(x), channelsLastOutput: true))
        #expect(last.shape == ChannelsLast.physicalShape(taped.shape))
        let back = ChannelsLast.channelsFirst(last)
        #expect((back.floats ?? []).map(\.bitPattern) == (taped.floats ?? []).map(\.bitPattern))
        let first = try #require(try k.forwardChannelsLast(ChannelsLast.channelsLast(x), channelsLastOutput: false))
        #expect(first.shape == taped.shape)
        #expect((first.floats ?? []).map(\.bitPattern) == (taped.floats ?? []).map(\.bitPattern))
    }

    @Test("MaxPool asked for Indices declines the channels-last path, which has no winners to give")
    func channelsLastDeclinesIndices() throws {
        let k = try MaxPoolKernel(
            node: node("MaxPool", ["kernel_shape": .ints([2, 2])], outputs: ["y", "i"]), opset: 12)
        let x = ChannelsLast.channelsLast(Self.awkwardImage([1, 2, 4, 4]))
        #expect(try k.forwardChannelsLast(x, channelsLastOutput: true) == nil)
    }

    /// Window attributes of every kind the kernel distinguishes; the 1-D window last.
    static var maxPoolWindows: [[String: AttributeValue]] {
        [
            ["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2])],
            ["kernel_shape": .ints([3, 3])],
            ["kernel_shape": .ints([3, 2]), "strides": .ints([2, 1])],
            ["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2]), "ceil_mode": .int(1)],
            ["kernel_shape": .ints([3, 3]), "pads": .ints([1, 1, 1, 1])],
            ["kernel_shape": .ints([2, 2]), "dilations": .ints([2, 2])],
            ["kernel_shape": .ints([3]), "strides": .ints([2])],
        ]
    }

    /// Uniform values with ties, signed zeros and NaNs, where the comparison order decides the maximum.
    static func awkwardImage(_ shape: [Int]) -> Tensor {
        var rng = SeededGenerator(seed: 17)
        var values = Tensor.seededUniform(shape, &rng).floats ?? []
        // Ties, signed zeros and a NaN: the comparison order decides these.
        values[0] = .nan
        values[1] = -0.0
        values[2] = 0
        values[10] = values[11]
        values[values.count - 30] = -0.0
        values[values.count - 29] = 0
        values[values.count - 1] = .nan
        return Tensor(shape: shape, scalars: values)
    }

    @Test("average pooling with and without counting the padding, by hand")
    func averageByHand() throws {
        let attributes: [String: AttributeValue] = ["kernel_shape": .ints([2, 2]), "pads": .ints([1, 1, 0, 0])]
        let exclude = try AveragePoolKernel(node: node("AveragePool", attributes), opset: 11).forward([image])
        var withPad = attributes
        withPad["count_include_pad"] = .int(1)
        let include = try AveragePoolKernel(node: node("AveragePool", withPad), opset: 11).forward([image])
        // First window covers only x[0,0] = 1 (three padded positions).
        #expect(exclude.outputs[0].shape == [1, 1, 3, 4])
        #expect(exclude.outputs[0].floats?[0] == 1)
        #expect(include.outputs[0].floats?[0] == 0.25)
        #expect(exclude.outputs[0].floats?[5] == 3.25)  // (1 + 5 + 3 + 4) / 4
    }

    @Test("global average pooling, by hand")
    func globalByHand() throws {
        let y = try GlobalAveragePoolKernel(node: node("GlobalAveragePool", [:]), opset: 1).forward([image]).outputs[0]
        #expect(y.shape == [1, 1, 1, 1])
        #expect(y.floats == [4])
    }

    @Test(
        "MaxPool matches the official ONNX cases",
        .enabled(if: NeuralFixtures.officialDataInstalled, NeuralFixtures.officialDataMissing),
        arguments: NeuralFixtures.names(opType: "MaxPool", source: "onnx-backend-test"))
    func officialMax(name: String) throws {
        try NeuralFixtures.check(name, kernel: MaxPoolKernel.self)
    }

    @Test(
        "AveragePool matches the official ONNX cases",
        .enabled(if: NeuralFixtures.officialDataInstalled, NeuralFixtures.officialDataMissing),
        arguments: NeuralFixtures.names(opType: "AveragePool", source: "onnx-backend-test"))
    func officialAverage(name: String) throws {
        try NeuralFixtures.check(name, kernel: AveragePoolKernel.self)
    }

    @Test(
        "GlobalAveragePool matches the official ONNX cases",
        .enabled(if: NeuralFixtures.officialDataInstalled, NeuralFixtures.officialDataMissing),
        arguments: NeuralFixtures.names(opType: "GlobalAveragePool", source: "onnx-backend-test"))
    func officialGlobal(name: String) throws {
        try NeuralFixtures.check(name, kernel: GlobalAveragePoolKernel.self)
    }

    @Test(
        "pooling matches onnxruntime on ceil mode, dilations and 1-D",
        arguments: NeuralFixtures.names(opType: "MaxPool", source: "onnxruntime")
            + NeuralFixtures.names(opType: "AveragePool", source: "onnxruntime")
            + NeuralFixtures.names(opType: "GlobalAveragePool", source: "onnxruntime"))
    func onnxruntime(name: String) throws {
        let kernel: any Kernel.Type =
            name.contains("maxpool")
            ? MaxPoolKernel.self
            : name.contains("global") ? GlobalAveragePoolKernel.self : AveragePoolKernel.self
        try NeuralFixtures.check(name, kernel: kernel)
    }

    @Test(
        "GlobalMaxPool matches the official ONNX cases",
        .enabled(if: NeuralFixtures.officialDataInstalled, NeuralFixtures.officialDataMissing),
        arguments: NeuralFixtures.names(opType: "GlobalMaxPool", source: "onnx-backend-test"))
    func officialGlobalMax(name: String) throws {
        try NeuralFixtures.check(name, kernel: GlobalMaxPoolKernel.self)
    }

    @Test("GlobalMaxPool routes the gradient to each plane's maximum")
    func globalMaxGradient() throws {
        let k = try GlobalMaxPoolKernel(node: node("GlobalMaxPool", [:]), opset: 1)
        let forward = try k.forward([image])
        #expect(forward.outputs[0].shape == [1, 1, 1, 1])
        #expect(forward.outputs[0].floats == [9])
        let dx = try k.backward(
            inputs: [image], forward: forward, outputGradients: [Tensor(shape: [1, 1, 1, 1], scalars: [2])])
        #expect(dx[0]?.floats == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0])
        var rng = SeededGenerator(seed: 24)
        var values = (0..<(2 * 3 * 4 * 5)).map { Float($0) * 0.05 }
        values.shuffle(using: &rng)
        try expectKernelGradientsMatchFiniteDifferences(
            kernel: k, inputs: [Tensor(shape: [2, 3, 4, 5], scalars: values)], check: [0])
    }

    @Test("MaxPool gradients match finite differences")
    func maxGradients() throws {
        // Distinct, well-separated values so that no perturbation changes a window's winner.
        var rng = SeededGenerator(seed: 21)
        var values = (0..<(2 * 2 * 6 * 7)).map { Float($0) * 0.05 }
        values.shuffle(using: &rng)
        let x = Tensor(shape: [2, 2, 6, 7], scalars: values)
        let k = try MaxPoolKernel(
            node: node(
                "MaxPool",
                [
                    "kernel_shape": .ints([3, 2]), "strides": .ints([2, 2]), "pads": .ints([1, 0, 1, 1]),
                    "ceil_mode": .int(1),
                ]), opset: 12)
        try expectKernelGradientsMatchFiniteDifferences(kernel: k, inputs: [x], check: [0], epsilon: 1e-2, samples: 84)
    }

    @Test("AveragePool gradients match finite differences with padding counted and not")
    func averageGradients() throws {
        var rng = SeededGenerator(seed: 22)
        let x = Tensor.seededUniform([2, 3, 5, 6], &rng)
        for include in [0, 1] {
            let k = try AveragePoolKernel(
                node: node(
                    "AveragePool",
                    [
                        "kernel_shape": .ints([3, 3]), "strides": .ints([2, 2]),
                        "pads": .ints([1, 1, 1, 1]), "count_include_pad": .int(Int64(include)),
                    ]),
                opset: 11)
            try expectKernelGradientsMatchFiniteDifferences(kernel: k, inputs: [x], check: [0])
        }
    }

    @Test("GlobalAveragePool gradients match finite differences")
    func globalGradients() throws {
        var rng = SeededGenerator(seed: 23)
        let k = try GlobalAveragePoolKernel(node: node("GlobalAveragePool", [:]), opset: 1)
        try expectKernelGradientsMatchFiniteDifferences(
            kernel: k, inputs: [.seededUniform([2, 3, 4, 5], &rng)], check: [0])
    }

    @Test("MaxPool without kernel_shape fails at load")
    func missingKernelShape() {
        #expect(throws: NeuralKernelError.self) { try MaxPoolKernel(node: node("MaxPool", [:]), opset: 12) }
    }
}
