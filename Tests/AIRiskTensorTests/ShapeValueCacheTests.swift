import Testing

@testable import AIRiskTensor

@Suite("Shape value cache")
struct ShapeValueCacheTests {
    /// A dynamo-style flatten: `y = Reshape(x, Concat(Shape(x)[0:1], [-1])) + Expand(zero, Shape(x)[0:1] ++ [1])`,
    /// with a random Dropout on the shape path, which must never be skipped.
    func flattenGraph() -> Graph {
        Graph(
            name: "flatten",
            nodes: [
                Node(name: "shape", opType: "Shape", inputs: ["x"], outputs: ["s"]),
                Node(name: "batch", opType: "Slice", inputs: ["s", "start", "one"], outputs: ["n"]),
                Node(
                    name: "target", opType: "Concat", inputs: ["n", "minusOne"], outputs: ["t"],
                    attributes: ["axis": .int(0)]),
                Node(name: "flat", opType: "Reshape", inputs: ["x", "t"], outputs: ["f"]),
                Node(
                    name: "zshape", opType: "Concat", inputs: ["n", "one"], outputs: ["zs"],
                    attributes: ["axis": .int(0)]),
                Node(name: "zeros", opType: "Expand", inputs: ["zero", "zs"], outputs: ["z"]),
                Node(name: "add", opType: "Add", inputs: ["f", "z"], outputs: ["y"]),
                Node(name: "drop", opType: "Dropout", inputs: ["z"], outputs: ["d"]),
            ],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: [.symbolic("N"), .fixed(2), .fixed(3)])],
            outputs: [
                ValueInfo(name: "y", elementType: nil, shape: nil), ValueInfo(name: "d", elementType: nil, shape: nil),
            ],
            initializers: [
                "start": Tensor(shape: [1], int64: [0]), "one": Tensor(shape: [1], int64: [1]),
                "minusOne": Tensor(shape: [1], int64: [-1]), "zero": Tensor(shape: [1], scalars: [0.5]),
            ])
    }

    @Test(
        "Steps that compute values of the input shapes alone are found; steps reading values or drawing random numbers are not"
    )
    func skippableSteps() throws {
        let e = try Executor(graph: flattenGraph())
        let skipped = zip(e.foldedSteps, e.shapeCache.skippable).filter(\.1).map(\.0.name)
        #expect(skipped == ["shape", "batch", "target", "zshape", "zeros"])
        #expect(e.shapeCache.slots.count == 2)
    }

    @Test(
        "Reused values follow the input shape: each batch size gets its own, and results match a run without the cache")
    func reuseFollowsShape() throws {
        let e = try Executor(graph: flattenGraph())
        func input(_ n: Int, _ offset: Float) -> Tensor {
            Tensor(shape: [n, 2, 3], scalars: (0..<(n * 6)).map { Float($0) + offset })
        }
        func expected(_ x: Tensor) -> [Float] { (x.floats ?? []).map { $0 + 0.5 } }
        for (n, offset) in [(1, 0), (1, 10), (4, 0), (1, 20), (4, 7), (2, 1)] as [(Int, Float)] {
            let x = input(n, offset)
            let y = try #require(try e.run(inputs: ["x": x])["y"])
            #expect(y.shape == [n, 6])
            #expect(y.floats == expected(x))
            // Overriding an initializer takes the full plan, which never uses the cache.
            let full = try #require(try e.run(inputs: ["x": x, "zero": Tensor(shape: [1], scalars: [0.5])])["y"])
            #expect(full.floats == y.floats)
        }
    }
}
