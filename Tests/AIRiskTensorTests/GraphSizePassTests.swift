import Testing

@testable import AIRiskTensor

/// The static size pass over graphs, and the run-time ceiling every growing kernel checks
/// (``TensorBudget``): hostile shapes end in an error naming the node, never in a trap or an
/// allocation of gigabytes.
@Suite("Graph size pass and kernel output ceilings")
struct GraphSizePassTests {
    func graph(
        _ nodes: [Node], initializers: [String: Tensor] = [:], input: [ValueInfo.Dimension] = [.unknown, .fixed(3)]
    )
        -> Graph
    {
        Graph(
            name: "g", nodes: nodes, inputs: [ValueInfo(name: "x", elementType: "float32", shape: input)],
            outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)], initializers: initializers)
    }

    func sizeError(_ g: Graph, inputShapes: [String: [Int?]] = [:], limit: Int = TensorBudget.maxBytes)
        -> GraphSizeError?
    {
        do {
            try GraphSizePass.check(g, inputShapes: inputShapes, limit: limit)
        } catch let e as GraphSizeError {
            return e
        } catch {
            Issue.record("unexpected \(error)")
        }
        return nil
    }

    @Test("Expand to a constant shape of 2e11 elements is refused, naming the node")
    func expandConstant() throws {
        let g = graph(
            [Node(name: "grow", opType: "Expand", inputs: ["one", "shape"], outputs: ["y"])],
            initializers: [
                "one": Tensor(shape: [1], scalars: [1]), "shape": Tensor(shape: [1], int64: [200_000_000_000]),
            ])
        let e = try #require(sizeError(g))
        #expect(e.node == "grow" && e.opType == "Expand" && e.value == "y")
        #expect(e.bytes == 800_000_000_000 && e.shape == "[200000000000]")
    }

    @Test("shapes computed in the graph are followed: Shape → Gather → Concat → Mul → ConstantOfShape")
    func computedShape() throws {
        let nodes = [
            Node(name: "s", opType: "Shape", inputs: ["x"], outputs: ["xs"]),
            Node(name: "g", opType: "Gather", inputs: ["xs", "i"], outputs: ["c"], attributes: ["axis": .int(0)]),
            Node(name: "cat", opType: "Concat", inputs: ["c", "c"], outputs: ["two"], attributes: ["axis": .int(0)]),
            Node(name: "mul", opType: "Mul", inputs: ["two", "k"], outputs: ["shape"]),
            Node(name: "fill", opType: "ConstantOfShape", inputs: ["shape"], outputs: ["y"]),
        ]
        let g = graph(
            nodes, initializers: ["i": Tensor(shape: [1], int64: [1]), "k": Tensor(shape: [1], int64: [100_000])])
        // x is [?, 3]: the shape vector is not fully known at load, so the fill cannot be sized yet.
        #expect(sizeError(g) == nil)
        // With the one-row batch [1, 3], Gather picks 3 and the fill is [300000, 300000] floats.
        let e = try #require(sizeError(g, inputShapes: ["x": [1, 3]]))
        #expect(e.node == "fill" && e.shape == "[300000, 300000]")
        // Under a higher ceiling it passes.
        #expect(sizeError(g, inputShapes: ["x": [1, 3]], limit: Int.max) == nil)
    }

    @Test("a symbolic batch counts as 1; the concrete batch is checked when given")
    func symbolicBatch() throws {
        let g = graph(
            [Node(name: "e", opType: "Expand", inputs: ["x", "shape"], outputs: ["y"])],
            initializers: ["shape": Tensor(shape: [3], int64: [1000, 1000, 3])])
        // [?, 3] broadcast to [1000, 1000, 3]: 12 MB, fine.
        #expect(sizeError(g) == nil)
        // [1000, 1000, 3] expanded is still 12 MB; a bigger declared input is checked itself.
        let e = try #require(sizeError(g, inputShapes: ["x": [1_000_000_000, 3]]))
        #expect(e.node.isEmpty && e.value == "x")
    }

    @Test("a chain of doubling Concats is stopped at the first value beyond the ceiling")
    func concatDoubling() throws {
        var nodes: [Node] = []
        var previous = "seed"
        for i in 1...30 {
            nodes.append(
                Node(
                    name: "d\(i)", opType: "Concat", inputs: [previous, previous], outputs: ["v\(i)"],
                    attributes: ["axis": .int(0)]))
            previous = "v\(i)"
        }
        let g = graph(nodes, initializers: ["seed": Tensor(shape: [1024], scalars: [Float](repeating: 1, count: 1024))])
        let e = try #require(sizeError(g))
        #expect(e.node == "d20")
    }

    @Test("Conv and pooling pads of 1e5 and 2^62 end in an error, not a trap")
    func windows() throws {
        let image = Tensor(shape: [1, 1, 3, 3], scalars: [Float](repeating: 1, count: 9))
        for pads in [100_000, 1 << 62] {
            for op in ["Conv", "MaxPool", "AveragePool"] {
                var attributes: [String: AttributeValue] = ["pads": .ints([Int64](repeating: Int64(pads), count: 4))]
                if op != "Conv" { attributes["kernel_shape"] = .ints([3, 3]) }
                let node = Node(
                    name: "w", opType: op, inputs: op == "Conv" ? ["img", "k"] : ["img"], outputs: ["y"],
                    attributes: attributes)
                let g = graph([node], initializers: ["img": image, "k": image])
                #expect(throws: (any Error).self) { try GraphSizePass.check(g) }
                do {
                    try GraphSizePass.check(g)
                } catch {
                    #expect("\(error)".contains("'w'"), "\(error)")
                }
                // The kernel itself refuses the same geometry when run directly.
                let kernel = try #require(KernelRegistry.kernel(domain: "", opType: op)).init(node: node, opset: 17)
                #expect(throws: (any Error).self) { _ = try kernel.forward(op == "Conv" ? [image, image] : [image]) }
            }
        }
    }

    @Test("growing kernels check their output before allocating, when the pass could not size it")
    func kernelCeilings() throws {
        let shape = Tensor(shape: [2], int64: [200_000, 200_000])
        let one = Tensor(shape: [1], scalars: [1])
        let cases: [(String, [Tensor?], [String: AttributeValue])] = [
            ("Expand", [one, shape], [:]),
            ("ConstantOfShape", [Tensor(shape: [1], int64: [Int64(Int32.max)])], [:]),
            (
                "ConstantOfShape", [Tensor(shape: [1], int64: [200_000_000])],
                ["value": .tensor(Tensor(shape: [1], storage: .string(["x"])))]
            ),
            (
                "Add",
                [
                    Tensor(shape: [100_000, 1], scalars: [Float](repeating: 0, count: 100_000)),
                    Tensor(shape: [1, 100_000], scalars: [Float](repeating: 0, count: 100_000)),
                ], [:]
            ),
            (
                "MatMul",
                [
                    Tensor(shape: [100_000, 1], scalars: [Float](repeating: 0, count: 100_000)),
                    Tensor(shape: [1, 100_000], scalars: [Float](repeating: 0, count: 100_000)),
                ], [:]
            ),
            // Operators of users' models (issue 18) that can grow a value from a small file.
            ("Tile", [one, Tensor(shape: [1], int64: [1_000_000_000])], [:]),
            (
                "Range",
                [Tensor(shape: [], scalars: [0]), Tensor(shape: [], scalars: [1e9]), Tensor(shape: [], scalars: [1])],
                [:]
            ),
            (
                "Pad", [one, Tensor(shape: [2], int64: [0, 1_000_000_000])], [:]
            ),
            (
                "OneHot",
                [
                    Tensor(shape: [1], int64: [0]), Tensor(shape: [], scalars: [1e9]),
                    Tensor(shape: [2], scalars: [0, 1]),
                ],
                [:]
            ),
            (
                "Sum",
                [
                    Tensor(shape: [100_000, 1], scalars: [Float](repeating: 0, count: 100_000)),
                    Tensor(shape: [1, 100_000], scalars: [Float](repeating: 0, count: 100_000)),
                ], [:]
            ),
        ]
        for (op, inputs, attributes) in cases {
            let node = Node(
                name: "n_\(op)", opType: op, inputs: inputs.indices.map { "i\($0)" }, outputs: ["y"],
                attributes: attributes)
            let kernel = try #require(KernelRegistry.kernel(domain: "", opType: op)).init(node: node, opset: 17)
            do {
                _ = try kernel.forward(inputs)
                Issue.record("\(op) produced its output")
            } catch let error as OperatorError {
                guard case .outputTooLarge(let name, _, _, _, let limit) = error else {
                    Issue.record("\(op): \(error)")
                    continue
                }
                #expect(name == "n_\(op)" && limit == TensorBudget.maxBytes)
            }
        }
    }

    @Test("ordinary graphs pass: a small MLP with a symbolic batch")
    func ordinary() {
        let g = graph(
            [
                Node(name: "fc", opType: "Gemm", inputs: ["x", "W"], outputs: ["h"]),
                Node(name: "act", opType: "Relu", inputs: ["h"], outputs: ["y"]),
            ],
            initializers: ["W": Tensor(shape: [3, 4], scalars: [Float](repeating: 0, count: 12))])
        #expect(sizeError(g) == nil)
    }
}
