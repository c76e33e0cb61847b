import Testing

@testable import AIRiskTensor

@Suite("Post-op fusion in the inference plan")
struct FusionTests {
    // Computed: a stored static held in an indirect enum reads as a leak to LeakSanitizer (spare-bit pointers).
    static var pad: [String: AttributeValue] { ["pads": .ints([1, 1, 1, 1])] }

    /// A ResNet downsampling block, then an identity block whose Add takes the convolution second:
    /// `h = Relu(Conv(x)); y1 = Relu(Add(Conv(h), Conv1x1/2(x)))` with stride 2, then
    /// `y = Relu(Add(y1, Conv(y1)))`. The first Add's other operand (the shortcut) is computed after the product.
    static func blocks(extraOutput: String? = nil) -> Graph {
        var rng = SeededGenerator(seed: 5)
        let stride2: [String: AttributeValue] = ["pads": .ints([1, 1, 1, 1]), "strides": .ints([2, 2])]
        return Graph(
            name: "blocks",
            nodes: [
                Node(name: "c1", opType: "Conv", inputs: ["x", "w1", "b1"], outputs: ["c1"], attributes: stride2),
                Node(name: "r1", opType: "Relu", inputs: ["c1"], outputs: ["h"]),
                Node(name: "c2", opType: "Conv", inputs: ["h", "w2"], outputs: ["c2"], attributes: pad),
                Node(
                    name: "short", opType: "Conv", inputs: ["x", "ws"], outputs: ["s"],
                    attributes: ["strides": .ints([2, 2])]),
                Node(name: "a1", opType: "Add", inputs: ["c2", "s"], outputs: ["a1"]),
                Node(name: "r2", opType: "Relu", inputs: ["a1"], outputs: ["y1"]),
                Node(name: "c3", opType: "Conv", inputs: ["y1", "w3", "b3"], outputs: ["c3"], attributes: pad),
                Node(name: "a2", opType: "Add", inputs: ["y1", "c3"], outputs: ["a2"]),
                Node(name: "r3", opType: "Relu", inputs: ["a2"], outputs: ["y"]),
            ],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: nil)],
            outputs: ([extraOutput].compactMap { $0 } + ["y"]).map {
                ValueInfo(name: $0, elementType: nil, shape: nil)
            },
            initializers: [
                "w1": .seededUniform([8, 4, 3, 3], &rng), "b1": .seededUniform([8], &rng),
                "w2": .seededUniform([8, 8, 3, 3], &rng), "ws": .seededUniform([8, 4, 1, 1], &rng),
                "w3": .seededUniform([8, 8, 3, 3], &rng), "b3": .seededUniform([8], &rng),
            ])
    }

    /// The unfused plan's result: overriding an initializer (with its own value) runs the graph as it is.
    static func unfused(_ e: Executor, _ x: Tensor, output: String = "y") throws -> Tensor {
        let w1 = try #require(e.graph.initializers["w1"])
        return try #require(try e.run(inputs: ["x": x, "w1": w1])[output])
    }

    static func expectClose(_ a: Tensor, _ b: Tensor, sourceLocation: SourceLocation = #_sourceLocation) {
        let (u, v) = (a.floats ?? [], b.floats ?? [])
        let scale = v.map(abs).max() ?? 1
        #expect(a.shape == b.shape, sourceLocation: sourceLocation)
        #expect(
            u.count == v.count && zip(u, v).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, scale) },
            sourceLocation: sourceLocation)
    }

    @Test("Conv → Relu and Conv → Add → Relu run as one step each, where the last node was")
    func plan() throws {
        let e = try Executor(graph: Self.blocks())
        #expect(e.foldedSteps.map(\.name) == ["c1", "short", "c2", "c3"])
        #expect(e.steps.count == 9)
        // The shortcut's Add went to c2, so the shortcut has no post-ops.
        let kernels = e.foldedSteps.map { $0.kernel as? FusedKernel }
        #expect(kernels.map { $0?.tails.map(\.op) ?? [] } == [[.relu], [], [.add, .relu], [.add, .relu]])
        #if canImport(CDNNL)
            // Values passed between convolutions stay channels-last; x is the graph's and y a graph output.
            typealias L = ChannelsLast
            #expect(
                kernels.map { $0?.layout } == [
                    L(input: false, addend: false, output: true), L(input: false, addend: false, output: true),
                    L(input: true, addend: true, output: true), L(input: true, addend: true, output: false),
                ])
        #endif
    }

    @Test("An absorbed Add whose other operand is an omitted input fails as the Add does, naming it")
    func missingAddend() throws {
        var rng = SeededGenerator(seed: 6)
        let graph = Graph(
            name: "missing",
            nodes: [
                Node(name: "c", opType: "Conv", inputs: ["x", "w"], outputs: ["c"], attributes: Self.pad),
                Node(name: "a", opType: "Add", inputs: ["c", ""], outputs: ["y"]),
            ],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: nil)],
            outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)],
            initializers: ["w": .seededUniform([3, 2, 3, 3], &rng)])
        let e = try Executor(graph: graph)
        #expect(e.foldedSteps.map(\.name) == ["c"])
        let x = Tensor.seededUniform([1, 2, 5, 5], &rng)
        #expect {
            try e.run(inputs: ["x": x])
        } throws: { error in
            guard case OperatorError.missingInput(let node, "Add", 1) = error else { return false }
            return node == "a"
        }
    }

    @Test("Channels-last conversions invert each other and move each value where (N, H, W, C) puts it")
    func channelsLastRoundTrip() {
        let t = Tensor(shape: [2, 3, 2, 4], scalars: (0..<48).map(Float.init))
        let last = ChannelsLast.channelsLast(t)
        #expect(last.shape == [2, 2, 4, 3])
        // (n, c, h, w) = (1, 2, 1, 3) sits at flat 47 in NCHW and at ((1·2 + 1)·4 + 3)·3 + 2 = 47 in NHWC too,
        // (0, 1, 0, 2) at 10 and at (2·3 + 1) = 7.
        #expect(last.floats?[7] == 10)
        #expect(ChannelsLast.channelsFirst(last).floats == t.floats)
        #expect(ChannelsLast.logicalShape(last.shape) == t.shape)
        #expect(ChannelsLast.physicalShape(t.shape) == last.shape)
    }

    @Test("A fused step on channels-last values that cannot fuse converts, runs the nodes, and converts back")
    func channelsLastFallback() throws {
        var rng = SeededGenerator(seed: 4)
        let conv = try ConvKernel(
            node: Node(name: "c", opType: "Conv", inputs: ["x", "w"], outputs: ["c"], attributes: Self.pad), opset: 17)
        let add = try BinaryKernel<AddOp>(
            node: Node(name: "a", opType: "Add", inputs: ["c", "b"], outputs: ["a"]), opset: 17)
        let relu = try UnaryKernel<ReluFunction>(
            node: Node(name: "r", opType: "Relu", inputs: ["a"], outputs: ["y"]), opset: 17)
        let x = Tensor.seededUniform([2, 3, 5, 5], &rng), w = Tensor.seededUniform([4, 3, 3, 3], &rng)
        let b = Tensor.seededUniform([1, 4, 1, 1], &rng)
        let expected = try relu.forward([add.forward([conv.forward([x, w]).outputs[0], b]).outputs[0]]).outputs[0]
        let fused = FusedKernel(
            head: conv, headName: "c", headInputCount: 2,
            tails: [
                .init(name: "a", kernel: add, op: .add, addendInput: 2, headFirst: true),
                .init(name: "r", kernel: relu, op: .relu, addendInput: nil, headFirst: true),
            ],
            layout: ChannelsLast(input: true, addend: true, output: true))
        // The addend broadcasts, so the step cannot fuse.
        let y = try fused.forward([ChannelsLast.channelsLast(x), w, ChannelsLast.channelsLast(b)]).outputs[0]
        #expect(y.shape == [2, 5, 5, 4])
        Self.expectClose(ChannelsLast.channelsFirst(y), expected)
    }

    @Test("The fused plan computes what the graph computes, at batch 1 and 3")
    func sameResults() throws {
        let e = try Executor(graph: Self.blocks())
        var rng = SeededGenerator(seed: 9)
        for n in [1, 3] {
            let x = Tensor.seededUniform([n, 4, 10, 10], &rng)
            let fused = try #require(try e.run(inputs: ["x": x])["y"])
            Self.expectClose(fused, try Self.unfused(e, x))
            #expect(fused.shape == [n, 8, 5, 5])
            #expect((fused.floats ?? []).contains { $0 > 0 } && (fused.floats ?? []).allSatisfy { $0 >= 0 })
        }
    }

    /// LeNet's features: `Conv → Relu → MaxPool → Conv → Relu → MaxPool`, the second pool padded with ceil mode,
    /// and `p1` also read by a Flatten when `sharedPool` is set.
    static func lenet(sharedPool: Bool = false) -> Graph {
        var rng = SeededGenerator(seed: 8)
        let pool2: [String: AttributeValue] = [
            "kernel_shape": .ints([3, 3]), "strides": .ints([2, 2]), "pads": .ints([1, 1, 1, 1]), "ceil_mode": .int(1),
        ]
        var nodes = [
            Node(name: "c1", opType: "Conv", inputs: ["x", "w1", "b1"], outputs: ["c1"], attributes: pad),
            Node(name: "r1", opType: "Relu", inputs: ["c1"], outputs: ["h1"]),
            Node(
                name: "p1", opType: "MaxPool", inputs: ["h1"], outputs: ["p1"],
                attributes: ["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2])]),
            Node(name: "c2", opType: "Conv", inputs: ["p1", "w2", "b2"], outputs: ["c2"], attributes: pad),
            Node(name: "r2", opType: "Relu", inputs: ["c2"], outputs: ["h2"]),
            Node(name: "p2", opType: "MaxPool", inputs: ["h2"], outputs: ["y"], attributes: pool2),
        ]
        if sharedPool { nodes.append(Node(name: "f", opType: "Flatten", inputs: ["p1"], outputs: ["flat"])) }
        return Graph(
            name: "lenet", nodes: nodes,
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: nil)],
            outputs: (["y"] + (sharedPool ? ["flat"] : [])).map { ValueInfo(name: $0, elementType: nil, shape: nil) },
            initializers: [
                "w1": .seededUniform([6, 3, 3, 3], &rng), "b1": .seededUniform([6], &rng),
                "w2": .seededUniform([10, 6, 3, 3], &rng), "b2": .seededUniform([10], &rng),
            ])
    }

    @Test("MaxPools between convolutions read and write channels-last; the last writes the graph's layout")
    func channelsLastPools() throws {
        let e = try Executor(graph: Self.lenet())
        #expect(e.foldedSteps.map(\.name) == ["c1", "p1", "c2", "p2"])
        // Plan steps are the executor's own: no graph node builds one.
        #expect(throws: OperatorError.self) {
            try ChannelsLastMaxPool(node: Node(name: "p", opType: "MaxPool", inputs: ["x"], outputs: ["y"]), opset: 13)
        }
        #if canImport(CDNNL)
            let pools = e.foldedSteps.map { ($0.kernel as? ChannelsLastMaxPool)?.outputChannelsLast }
            #expect(pools == [nil, true, nil, false])
            #expect((e.foldedSteps[2].kernel as? FusedKernel)?.layout == ChannelsLast(input: true, output: true))
        #endif
        var rng = SeededGenerator(seed: 12)
        for n in [1, 3] {
            let x = Tensor.seededUniform([n, 3, 12, 17], &rng)
            let fused = try #require(try e.run(inputs: ["x": x])["y"])
            #expect(fused.shape == [n, 10, 4, 5])
            Self.expectClose(fused, try Self.unfused(e, x))
        }
    }

    @Test("A pool whose result another kind of node also reads writes the graph's layout")
    func sharedPoolResult() throws {
        let e = try Executor(graph: Self.lenet(sharedPool: true))
        #if canImport(CDNNL)
            let pool = try #require(e.foldedSteps.first { $0.name == "p1" }?.kernel as? ChannelsLastMaxPool)
            #expect(!pool.outputChannelsLast)
            #expect((e.foldedSteps.first { $0.name == "c2" }?.kernel as? FusedKernel)?.layout.input == false)
        #endif
        var rng = SeededGenerator(seed: 13)
        let x = Tensor.seededUniform([2, 3, 8, 8], &rng)
        let out = try e.run(inputs: ["x": x])
        Self.expectClose(try #require(out["flat"]), try Self.unfused(e, x, output: "flat"))
        Self.expectClose(try #require(out["y"]), try Self.unfused(e, x))
    }

    @Test("A value that is a graph output, or that two nodes read, stays a step's own output")
    func keepsSharedValues() throws {
        let e = try Executor(graph: Self.blocks(extraOutput: "a1"))
        // a1 is kept: c2 absorbs the Add but not the Relu after it.
        #expect(e.foldedSteps.map(\.name) == ["c1", "short", "c2", "r2", "c3"])
        var rng = SeededGenerator(seed: 3)
        let x = Tensor.seededUniform([2, 4, 6, 6], &rng)
        let out = try e.run(inputs: ["x": x])
        Self.expectClose(try #require(out["a1"]), try Self.unfused(e, x, output: "a1"))
        Self.expectClose(try #require(out["y"]), try Self.unfused(e, x))
    }

    @Test("An addend that broadcasts runs the Add itself, with the same result")
    func broadcastAddend() throws {
        var rng = SeededGenerator(seed: 8)
        let graph = Graph(
            name: "bias",
            nodes: [
                Node(name: "c", opType: "Conv", inputs: ["x", "w"], outputs: ["c"], attributes: Self.pad),
                Node(name: "a", opType: "Add", inputs: ["c", "b"], outputs: ["a"]),
                Node(name: "r", opType: "Relu", inputs: ["a"], outputs: ["y"]),
            ],
            inputs: [
                ValueInfo(name: "x", elementType: "float32", shape: nil),
                ValueInfo(name: "b", elementType: "float32", shape: nil),
            ],
            outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)],
            initializers: ["w": .seededUniform([3, 2, 3, 3], &rng)])
        let e = try Executor(graph: graph)
        #expect(e.foldedSteps.map(\.name) == ["c"])
        let x = Tensor.seededUniform([1, 2, 5, 5], &rng)
        for b in [Tensor.seededUniform([1, 3, 1, 1], &rng), .seededUniform([1, 3, 5, 5], &rng)] {
            let fused = try #require(try e.run(inputs: ["x": x, "b": b])["y"])
            let w = try #require(graph.initializers["w"])
            let plain = try #require(try e.run(inputs: ["x": x, "b": b, "w": w])["y"])
            Self.expectClose(fused, plain)
        }
    }

    /// `Gemm → Relu → Gemm → Relu → Gemm`, a scikit-learn or PyTorch MLP as exported.
    static func mlp(double: Bool) -> Graph {
        var rng = SeededGenerator(seed: 21)
        func weight(_ shape: [Int]) -> Tensor {
            let t = Tensor.seededUniform(shape, &rng)
            return double ? Tensor(shape: shape, storage: .double((t.floats ?? []).map(Double.init))) : t
        }
        let transB: [String: AttributeValue] = ["transB": .int(1)]
        return Graph(
            name: "mlp",
            nodes: [
                Node(name: "g1", opType: "Gemm", inputs: ["x", "w1", "b1"], outputs: ["g1"], attributes: transB),
                Node(name: "r1", opType: "Relu", inputs: ["g1"], outputs: ["h1"]),
                Node(name: "g2", opType: "Gemm", inputs: ["h1", "w2", "b2"], outputs: ["g2"], attributes: transB),
                Node(name: "r2", opType: "Relu", inputs: ["g2"], outputs: ["h2"]),
                Node(name: "g3", opType: "Gemm", inputs: ["h2", "w3", "b3"], outputs: ["y"], attributes: transB),
            ],
            inputs: [ValueInfo(name: "x", elementType: double ? "float64" : "float32", shape: nil)],
            outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)],
            initializers: [
                "w1": weight([16, 6]), "b1": weight([16]), "w2": weight([16, 16]), "b2": weight([16]),
                "w3": weight([3, 16]), "b3": weight([3]),
            ])
    }

    @Test("Gemm → Relu runs as one step; float64 operands take the kernels' own float64 paths, as unfused")
    func gemmRelu() throws {
        for double in [false, true] {
            let graph = Self.mlp(double: double)
            let e = try Executor(graph: graph)
            #expect(e.foldedSteps.map(\.name) == ["g1", "g2", "g3"])
            var rng = SeededGenerator(seed: 2)
            let x32 = Tensor.seededUniform([5, 6], &rng)
            let x = double ? Tensor(shape: [5, 6], storage: .double((x32.floats ?? []).map(Double.init))) : x32
            let fused = try #require(try e.run(inputs: ["x": x])["y"])
            let w1 = try #require(graph.initializers["w1"])
            let plain = try #require(try e.run(inputs: ["x": x, "w1": w1])["y"])
            #expect(fused.elementKind == plain.elementKind)
            if double {
                #expect(fused.doubles == plain.doubles)
            } else {
                Self.expectClose(fused, plain)
            }
        }
    }

    @Test("PostOp.apply adds, then clamps at zero, in order")
    func applyInOrder() {
        var y: [Float] = [-2, -0.5, 0, 1.5]
        let addend: [Float] = [1, 1, -1, 1]
        y.withUnsafeMutableBufferPointer { yp in
            addend.withUnsafeBufferPointer {
                PostOp.apply([.add, .relu], to: yp.baseAddress!, count: 4, addend: $0.baseAddress)
            }
        }
        #expect(y == [0, 0.5, 0, 2.5])
    }
}
