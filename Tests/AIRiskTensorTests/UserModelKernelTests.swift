import Testing

@testable import AIRiskTensor

/// The kernels added for real users' models (issue 18): values on small cases worked by hand, and
/// the gradients of the differentiable ones against finite differences. Their agreement with
/// onnxruntime is checked by the generated cases in AIRiskONNXTests (Fixtures/ops).
@Suite("Erf, Gelu, LayerNormalization, GatherElements, ReduceSumSquare, TopK, CastLike")
struct UserModelKernelTests {
    func node(_ op: String, _ attributes: [String: AttributeValue] = [:], domain: String = "", outputs: Int = 1)
        -> Node
    {
        Node(
            name: "n", opType: op, domain: domain, inputs: ["x0", "x1", "x2"],
            outputs: (0..<outputs).map { "y\($0)" }, attributes: attributes)
    }

    @Test("Erf and both Gelu forms on known values")
    func values() throws {
        let x = Tensor(vector: [-1, 0, 0.5, 2])
        let erf = try #require(try TestSupport.run("Erf", [x])[0].floats)
        #expect(TestSupport.close(erf, [-0.8427008, 0, 0.5204999, 0.9953223]))
        let exact = try #require(try TestSupport.run("Gelu", [x], opset: 20)[0].floats)
        #expect(TestSupport.close(exact, [-0.15865526, 0, 0.34573123, 1.9544997]))
        let tanh = try #require(
            try TestSupport.run("Gelu", [x], attributes: ["approximate": .string("tanh")], opset: 20)[0].floats)
        #expect(TestSupport.close(tanh, [-0.15880801, 0, 0.34571401, 1.9545977]))
        let microsoft = try MicrosoftGeluKernel(node: node("Gelu", domain: "com.microsoft"), opset: 1)
        #expect(try microsoft.forward([x]).outputs[0].floats == exact)
        #expect(throws: OperatorError.self) {
            try TestSupport.run("Gelu", [x], attributes: ["approximate": .string("fast")], opset: 20)
        }
    }

    @Test("Erf and Gelu gradients match finite differences")
    func unaryGradients() throws {
        let x = Tensor(vector: [-2.1, -0.7, 0.05, 0.9, 1.8])
        try TestSupport.checkNode("Erf", [x], wrt: [0])
        try TestSupport.checkNode("Gelu", [x], wrt: [0], opset: 20)
        try TestSupport.checkNode("Gelu", [x], wrt: [0], attributes: ["approximate": .string("tanh")], opset: 20)
    }

    @Test("LayerNormalization normalises each slice and reports its mean and inverse deviation")
    func layerNormValues() throws {
        let k = try LayerNormalizationKernel(node: node("LayerNormalization", outputs: 3), opset: 17)
        let x = Tensor(shape: [2, 2], scalars: [1, 3, -2, -2])
        let out = try k.forward([x, Tensor(vector: [1, 2]), Tensor(vector: [0, 1])]).outputs
        let inv = 1 / (1 + Float(1e-5)).squareRoot()
        #expect(TestSupport.close(out[0].floats ?? [], [-inv, 2 * inv + 1, 0, 1]))
        #expect(out[1].shape == [2, 1] && out[1].floats == [2, -2])
        #expect(TestSupport.close(out[2].floats ?? [], [inv, 1 / Float(1e-5).squareRoot()]))
        #expect(throws: OperatorError.self) { try k.forward([x, Tensor(vector: [1, 2, 3])]) }
    }

    @Test("LayerNormalization gradients for X, Scale and B through all three outputs")
    func layerNormGradients() throws {
        var rng = SeededGenerator(seed: 18)
        for (axis, scaleShape) in [(-1, [4]), (1, [3, 4]), (1, [4])] {
            let k = try LayerNormalizationKernel(
                node: node("LayerNormalization", ["axis": .int(Int64(axis))], outputs: 3), opset: 17)
            let inputs: [Tensor?] = [
                .seededUniform([2, 3, 4], &rng, low: -2, high: 2), .seededUniform(scaleShape, &rng),
                .seededUniform(scaleShape, &rng),
            ]
            try expectKernelGradientsMatchFiniteDifferences(kernel: k, inputs: inputs, check: [0, 1, 2])
        }
    }

    @Test("GatherElements picks along an axis; its gradient scatters back")
    func gatherElements() throws {
        let data = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let idx = Tensor(shape: [2, 2], int64: [2, 0, -1, 1])
        let y = try TestSupport.run("GatherElements", [data, idx], attributes: ["axis": .int(1)])[0]
        #expect(y.shape == [2, 2] && y.floats == [3, 1, 6, 5])
        #expect(throws: OperatorError.self) {
            try TestSupport.run(
                "GatherElements", [data, Tensor(shape: [1, 1], int64: [3])], attributes: ["axis": .int(1)])
        }
        try TestSupport.checkNode(
            "GatherElements", [data, Tensor(shape: [3, 3], int64: [0, 1, 1, 1, 0, 0, 1, 1, 1])], wrt: [0])
    }

    @Test("ReduceSumSquare sums squares over the axes; gradient 2x")
    func reduceSumSquare() throws {
        let x = Tensor(shape: [2, 3], scalars: [1, -2, 3, 0.5, 1, -1])
        let y = try TestSupport.run("ReduceSumSquare", [x], attributes: ["axes": .ints([1]), "keepdims": .int(0)])[0]
        #expect(y.shape == [2] && y.floats == [14, 2.25])
        let z = try TestSupport.run("ReduceSumSquare", [x, Tensor(int64Vector: [0])], opset: 18)[0]
        #expect(z.shape == [1, 3] && z.floats == [1.25, 5, 10])
        try TestSupport.checkNode("ReduceSumSquare", [x], wrt: [0], attributes: ["axes": .ints([0])])
        try TestSupport.checkNode("ReduceSumSquare", [x, Tensor(int64Vector: [1])], wrt: [0], opset: 18)
    }

    @Test("TopK keeps the lower index first on ties and refuses k beyond the axis")
    func topK() throws {
        let x = Tensor(shape: [1, 5], scalars: [3, 1, 3, 5, 1])
        let largest = try TestSupport.run("TopK", [x, Tensor(int64Vector: [3])], outputs: 2)
        #expect(largest[0].floats == [5, 3, 3] && largest[1].int64s == [3, 0, 2])
        let smallest = try TestSupport.run(
            "TopK", [x, Tensor(int64Vector: [2])], outputs: 2, attributes: ["largest": .int(0)])
        #expect(smallest[0].floats == [1, 1] && smallest[1].int64s == [1, 4])
        #expect(throws: OperatorError.self) { try TestSupport.run("TopK", [x, Tensor(int64Vector: [6])], outputs: 2) }
    }

    @Test("CastLike takes the element type of its second input")
    func castLike() throws {
        let y = try TestSupport.run("CastLike", [Tensor(vector: [1.7, -2.5]), Tensor(int64Vector: [0])])[0]
        #expect(y.int64s == [1, -2])
        let z = try TestSupport.run("CastLike", [Tensor(int64Vector: [3]), Tensor(scalar: 0)])[0]
        #expect(z.floats == [3])
        try TestSupport.checkNode("CastLike", [Tensor(vector: [0.3, -1.2]), Tensor(scalar: 0)], wrt: [0])
    }
}
