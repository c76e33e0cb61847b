import Testing

@testable import AIRiskTensor

@Suite("Conv kernel")
struct ConvKernelTests {
    private func conv(_ attributes: [String: AttributeValue] = [:], inputs: [String] = ["x", "w", "b"]) throws
        -> ConvKernel
    {
        try ConvKernel(
            node: Node(name: "conv", opType: "Conv", inputs: inputs, outputs: ["y"], attributes: attributes), opset: 17)
    }

    @Test("a 2x2 kernel over a 3x3 image with one bias, by hand")
    func handChecked() throws {
        let x = Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let w = Tensor(shape: [1, 1, 2, 2], scalars: [1, 0, 0, -1])
        let b = Tensor(shape: [1], scalars: [10])
        let y = try conv().forward([x, w, b]).outputs[0]
        #expect(y.shape == [1, 1, 2, 2])
        #expect(y.floats == [6, 6, 6, 6])
    }

    @Test("padding and stride 2 on a 4x4 image, by hand")
    func paddedStrided() throws {
        let x = Tensor(shape: [1, 1, 4, 4], scalars: (1...16).map(Float.init))
        let w = Tensor(shape: [1, 1, 3, 3], scalars: Array(repeating: 1, count: 9))
        let y = try conv(["pads": .ints([1, 1, 1, 1]), "strides": .ints([2, 2])], inputs: ["x", "w"])
            .forward([x, w]).outputs[0]
        // Windows centred on (0,0), (0,2), (2,0), (2,2).
        #expect(y.shape == [1, 1, 2, 2])
        let expected: [Float] = [14, 30, 57, 99]  // 1+2+5+6, 2+3+4+6+7+8, 5+6+9+10+13+14, 6+7+8+10+11+12+14+15+16
        #expect(y.floats == expected)
    }

    @Test(
        "matches the official ONNX Conv cases",
        .enabled(if: NeuralFixtures.officialDataInstalled, NeuralFixtures.officialDataMissing),
        arguments: NeuralFixtures.names(opType: "Conv", source: "onnx-backend-test"))
    func official(name: String) throws {
        try NeuralFixtures.check(name, kernel: ConvKernel.self)
    }

    @Test(
        "matches onnxruntime on groups, dilations, 1-D and auto_pad",
        arguments: NeuralFixtures.names(opType: "Conv", source: "onnxruntime"))
    func onnxruntime(name: String) throws {
        try NeuralFixtures.check(name, kernel: ConvKernel.self)
    }

    @Test("gradients match finite differences with pads, strides, dilations and groups")
    func gradients() throws {
        var rng = SeededGenerator(seed: 11)
        let kernel = try conv([
            "pads": .ints([1, 0, 2, 1]), "strides": .ints([2, 1]), "dilations": .ints([1, 2]),
            "group": .int(2),
        ])
        let inputs: [Tensor?] = [
            .seededUniform([2, 4, 5, 6], &rng), .seededUniform([6, 2, 3, 2], &rng), .seededUniform([6], &rng),
        ]
        try expectKernelGradientsMatchFiniteDifferences(kernel: kernel, inputs: inputs, check: [0, 1, 2])
    }

    @Test("1-D gradients with SAME_LOWER padding")
    func gradients1D() throws {
        var rng = SeededGenerator(seed: 12)
        let kernel = try conv(["auto_pad": .string("SAME_LOWER"), "strides": .ints([2])], inputs: ["x", "w"])
        let inputs: [Tensor?] = [.seededUniform([2, 3, 7], &rng), .seededUniform([4, 3, 4], &rng)]
        try expectKernelGradientsMatchFiniteDifferences(kernel: kernel, inputs: inputs, check: [0, 1])
    }

    @Test("a batch split into several column chunks gives the per-sample results")
    func chunkedBatch() throws {
        var rng = SeededGenerator(seed: 13)
        let kernel = try conv(["pads": .ints([1, 1, 1, 1])])
        let batch = 300  // 9 · 64 column floats per sample: chunks of 227 and 73 samples
        let x = Tensor.seededUniform([batch, 1, 8, 8], &rng)
        let w = Tensor.seededUniform([4, 1, 3, 3], &rng), b = Tensor.seededUniform([4], &rng)
        let forward = try kernel.forward([x, w, b])
        let dy = Tensor.seededUniform(forward.outputs[0].shape, &rng)
        let grads = try kernel.backward(inputs: [x, w, b], forward: forward, outputGradients: [dy])
        let xs = try #require(x.floats), ys = try #require(forward.outputs[0].floats), dys = try #require(dy.floats)
        var dwSum = [Float](repeating: 0, count: 36)
        for n in [0, 1, 226, 227, 228, 299] {
            let sample = Tensor(shape: [1, 1, 8, 8], scalars: Array(xs[(n * 64)..<((n + 1) * 64)]))
            let single = try kernel.forward([sample, w, b])
            let expected = Tensor(shape: [1, 4, 8, 8], scalars: Array(ys[(n * 256)..<((n + 1) * 256)]))
            expectNeuralOutputClose(single.outputs[0], expected, "sample \(n)", rtol: 1e-5, atol: 1e-6)
        }
        for n in 0..<batch {
            let sample = Tensor(shape: [1, 1, 8, 8], scalars: Array(xs[(n * 64)..<((n + 1) * 64)]))
            let dySample = Tensor(shape: [1, 4, 8, 8], scalars: Array(dys[(n * 256)..<((n + 1) * 256)]))
            let g = try kernel.backward(
                inputs: [sample, w, b], forward: try kernel.forward([sample, w, b]),
                outputGradients: [dySample])
            let dw = try #require(g[1]?.floats)
            for i in 0..<36 { dwSum[i] += dw[i] }
        }
        expectNeuralOutputClose(
            try #require(grads[1]), Tensor(shape: [4, 1, 3, 3], scalars: dwSum), "dW", rtol: 1e-4, atol: 1e-4)
    }

    @Test("one kernel called with changing shapes, bias and weights gives what a fresh kernel gives each time")
    func changingCalls() throws {
        let attributes: [String: AttributeValue] = ["pads": .ints([1, 1, 1, 1])]
        func values(_ count: Int, _ seed: Float) -> [Float] { (0..<count).map { Float(($0 * 7) % 11) * 0.1 - seed } }
        let w = Tensor(shape: [4, 2, 3, 3], scalars: values(72, 0.3))
        let w2 = Tensor(shape: [4, 2, 3, 3], scalars: values(72, 0.6))
        let b = Tensor(shape: [4], scalars: [0.5, -1, 2, 0])
        let calls: [[Tensor?]] = [
            [Tensor(shape: [1, 2, 5, 5], scalars: values(50, 0.2)), w, b],
            [Tensor(shape: [3, 2, 5, 5], scalars: values(150, 0.1)), w, b],
            [Tensor(shape: [1, 2, 7, 6], scalars: values(84, 0.4)), w, b],
            [Tensor(shape: [1, 2, 7, 6], scalars: values(84, 0.4)), w2, b],
            [Tensor(shape: [1, 2, 7, 6], scalars: values(84, 0.4)), w2],
            [Tensor(shape: [1, 2, 5, 5], scalars: values(50, 0.2)), w, b],
        ]
        let kept = try conv(attributes)
        for inputs in calls {
            let names = inputs.count == 3 ? ["x", "w", "b"] : ["x", "w"]
            let y = try kept.forward(inputs).outputs[0]
            let fresh = try conv(attributes, inputs: names).forward(inputs).outputs[0]
            #expect(y.shape == fresh.shape)
            #expect(y.floats == fresh.floats)
        }
    }

    @Test("rejects weights whose channels do not match the input")
    func channelMismatch() throws {
        let x = Tensor(shape: [1, 3, 4, 4], scalars: Array(repeating: 0, count: 48))
        let w = Tensor(shape: [2, 2, 3, 3], scalars: Array(repeating: 0, count: 36))
        #expect(throws: NeuralKernelError.self) { try conv(inputs: ["x", "w"]).forward([x, w]) }
    }

    @Test("rejects an unknown auto_pad at load")
    func badAutoPad() {
        #expect(throws: NeuralKernelError.self) { try conv(["auto_pad": .string("SAME")]) }
    }
}
