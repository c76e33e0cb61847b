import Testing

@testable import AIRiskTensor

/// The float64 lane: float64 values stay Double through the kernels that have a float64 path, and every other
/// kernel receives them rounded to float32 and is named by the executor.
@Suite("float64 lane")
struct DoubleLaneTests {
    /// 2^24 + 1: the smallest positive integer float32 cannot hold.
    static let beyondFloat: Double = 16_777_217

    @Test("arithmetic keeps float64: a difference float32 would round to zero survives a comparison")
    func arithmetic() throws {
        let x = Tensor(shape: [2], doubles: [0.1 + 1e-9, 0.1])
        let tenth = Tensor(shape: [], doubles: [0.1])
        let d = try TestSupport.run("Sub", [x, tenth])[0]
        #expect(d.elementKind == .double)
        #expect(d.doubles?[0] == (0.1 + 1e-9) - 0.1)
        let positive = try TestSupport.run("Greater", [d, Tensor(shape: [], doubles: [0])])[0]
        #expect(positive.bools == [true, false])
        for (op, want) in [("Add", Self.beyondFloat + 1), ("Mul", Self.beyondFloat), ("Div", Self.beyondFloat)] {
            let y = try TestSupport.run(
                op,
                [Tensor(shape: [1], doubles: [Self.beyondFloat]), Tensor(shape: [1], doubles: [op == "Add" ? 1 : 1])])[
                    0]
            #expect(y.doubles == [want], "\(op)")
        }
        let p = try TestSupport.run("Pow", [Tensor(shape: [1], doubles: [3]), Tensor(int64Vector: [2])])[0]
        #expect(p.doubles == [9])
        // A float32 operand widens (exactly) to meet a float64 one.
        let mixed = try TestSupport.run("Add", [Tensor(shape: [1], doubles: [Self.beyondFloat]), Tensor(vector: [1])])[
            0]
        #expect(mixed.doubles == [Self.beyondFloat + 1])
    }

    @Test("unary functions, Softmax, ReduceSum, ReduceMean and ArgMax compute in float64")
    func functions() throws {
        let x = Tensor(shape: [1, 3], doubles: [Self.beyondFloat, 1, 2])
        #expect(try TestSupport.run("Neg", [x])[0].doubles == [-Self.beyondFloat, -1, -2])
        #expect(try TestSupport.run("Sqrt", [Tensor(shape: [1], doubles: [2])])[0].doubles == [Double(2).squareRoot()])
        #expect(
            try TestSupport.run("Abs", [Tensor(shape: [1], doubles: [-Self.beyondFloat])])[0].doubles == [
                Self.beyondFloat
            ])
        let sum = try TestSupport.run("ReduceSum", [x, Tensor(int64Vector: [1])])[0]
        #expect(sum.doubles == [Self.beyondFloat + 3])
        let mean = try TestSupport.run("ReduceMean", [x], attributes: ["axes": .ints([1])])[0]
        #expect(mean.doubles == [(Self.beyondFloat + 3) / 3])
        let soft = try TestSupport.run(
            "Softmax", [Tensor(shape: [1, 2], doubles: [0, 1e-9])], attributes: ["axis": .int(1)])[0]
        let s = try #require(soft.doubles)
        #expect(s[1] > s[0], "a 1e-9 difference float32 would lose")
        #expect(abs(s[0] + s[1] - 1) < 1e-15)
        let arg = try TestSupport.run(
            "ArgMax", [Tensor(shape: [1, 2], doubles: [Self.beyondFloat, Self.beyondFloat - 1])],
            attributes: ["axis": .int(1)])[0]
        #expect(arg.int64s == [0])
        let sigmoid = try TestSupport.run("Sigmoid", [Tensor(shape: [1], doubles: [0])])[0]
        #expect(sigmoid.doubles == [0.5])
    }

    @Test("MatMul and Gemm use dgemm on float64 operands")
    func products() throws {
        let a = Tensor(shape: [1, 2], doubles: [Self.beyondFloat, 1])
        let b = Tensor(shape: [2, 1], doubles: [1, 1])
        #expect(try TestSupport.run("MatMul", [a, b])[0].doubles == [Self.beyondFloat + 1])
        let batched = try TestSupport.run("MatMul", [Tensor(shape: [2, 1, 2], doubles: [1, 2, 3, 4]), b])[0]
        #expect(batched.shape == [2, 1, 1] && batched.doubles == [3, 7])
        let gemm = try TestSupport.run(
            "Gemm", [a, b, Tensor(shape: [1], doubles: [1])], attributes: ["alpha": .float(1), "beta": .float(1)])[0]
        #expect(gemm.doubles == [Self.beyondFloat + 2])
        let t = try TestSupport.run("Gemm", [b, b], attributes: ["transA": .int(1)])[0]
        #expect(t.doubles == [2])
    }

    @Test("Cast to and from float64, and shape-moving operators keep float64 elements")
    func castAndShapes() throws {
        let widened = try TestSupport.run("Cast", [Tensor(vector: [0.1])], attributes: ["to": .int(11)])[0]
        #expect(widened.doubles == [Double(Float(0.1))])
        let x = Tensor(shape: [2, 2], doubles: [Self.beyondFloat, 2, 3, 4])
        let narrowed = try TestSupport.run("Cast", [x], attributes: ["to": .int(1)])[0]
        #expect(narrowed.floats == [16_777_216, 2, 3, 4])
        let ints = try TestSupport.run("Cast", [x], attributes: ["to": .int(7)])[0]
        #expect(ints.int64s == [16_777_217, 2, 3, 4])
        #expect(try TestSupport.run("Identity", [x])[0].doubles == x.doubles)
        #expect(try TestSupport.run("Reshape", [x, Tensor(int64Vector: [4])])[0].doubles == x.doubles)
        #expect(try TestSupport.run("Flatten", [x])[0].doubles == x.doubles)
        #expect(try TestSupport.run("Transpose", [x])[0].doubles == [Self.beyondFloat, 3, 2, 4])
        #expect(
            try TestSupport.run("Concat", [x, x], attributes: ["axis": .int(1)])[0].doubles == [
                Self.beyondFloat, 2, Self.beyondFloat, 2, 3, 4, 3, 4,
            ])
        #expect(try TestSupport.run("Gather", [x, Tensor(int64Vector: [1])])[0].doubles == [3, 4])
        let slice = try TestSupport.run(
            "Slice", [x, Tensor(int64Vector: [0]), Tensor(int64Vector: [1]), Tensor(int64Vector: [1])])[0]
        #expect(slice.doubles == [Self.beyondFloat, 3])
        #expect(try TestSupport.run("Unsqueeze", [x, Tensor(int64Vector: [0])])[0].shape == [1, 2, 2])
        let picked = try TestSupport.run(
            "Where",
            [
                Tensor(shape: [2], bools: [true, false]), Tensor(shape: [2], doubles: [Self.beyondFloat, 1]),
                Tensor(shape: [2], doubles: [0, 2]),
            ])[0]
        #expect(picked.doubles == [Self.beyondFloat, 2])
        #expect(try TestSupport.run("Equal", [x, x])[0].bools == [true, true, true, true])
    }

    @Test(
        "a kernel without a float64 path gets float32 at its boundary and is named; a float64 feed for a float64 input is kept"
    )
    func boundary() throws {
        func graph(_ op: String) -> Graph {
            Graph(
                name: "g",
                nodes: [
                    Node(name: "scale", opType: "Mul", inputs: ["x", "k"], outputs: ["m"]),
                    Node(name: "act", opType: op, inputs: ["m"], outputs: ["y"], attributes: ["alpha": .float(0.5)]),
                ],
                inputs: [ValueInfo(name: "x", elementType: "double", shape: [.symbolic("N")])],
                outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)],
                initializers: ["k": Tensor(shape: [1], doubles: [1])])
        }
        let leaky = try Executor(graph: graph("LeakyRelu"))
        #expect(leaky.reducedPrecisionNodes == ["act (LeakyRelu)"])
        let y = try #require(try leaky.run(inputs: ["x": Tensor(shape: [2], doubles: [Self.beyondFloat, -2])])["y"])
        #expect(y.floats == [16_777_216, -1], "rounded to the nearest float32 at the boundary, computed in float32")
        let neg = try Executor(graph: graph("Neg"))
        #expect(neg.reducedPrecisionNodes.isEmpty)
        #expect(
            try neg.run(inputs: ["x": Tensor(shape: [1], doubles: [Self.beyondFloat])])["y"]?.doubles == [
                -Self.beyondFloat
            ])
        // A float32 feed for the float64 input widens exactly.
        #expect(try neg.run(inputs: ["x": Tensor(vector: [2])])["y"]?.doubles == [-2])
        #expect(!neg.inputGradientsAvailable, "gradients stay float32: a float64 input has none")
    }

    @Test("a tree ensemble compares a float64 input against its threshold in float64, as onnxruntime does")
    func trees() throws {
        func graph(_ values: AttributeValue, name: String = "nodes_values") -> Graph {
            let node = Node(
                name: "t", opType: "TreeEnsembleRegressor", domain: "ai.onnx.ml", inputs: ["X"], outputs: ["Y"],
                attributes: [
                    "nodes_treeids": .ints([0, 0, 0]), "nodes_nodeids": .ints([0, 1, 2]),
                    "nodes_featureids": .ints([0, 0, 0]), "nodes_modes": .strings(["BRANCH_LEQ", "LEAF", "LEAF"]),
                    name: values, "nodes_truenodeids": .ints([1, 0, 0]), "nodes_falsenodeids": .ints([2, 0, 0]),
                    "target_treeids": .ints([0, 0]), "target_nodeids": .ints([1, 2]), "target_ids": .ints([0, 0]),
                    "target_weights": .floats([10, 20]),
                ])
            return Graph(
                name: "tree", nodes: [node], inputs: [ValueInfo(name: "X", elementType: "double", shape: nil)],
                outputs: [ValueInfo(name: "Y", elementType: nil, shape: nil)], opsetImports: ["": 17, "ai.onnx.ml": 3])
        }
        // Float(0.1) = 0.100000001490116…; 0.100000002 is above it, but rounds to it in float32.
        let x = Tensor(shape: [2, 1], doubles: [0.100000002, 0.1000000010])
        let e = try Executor(graph: graph(.floats([0.1, 0, 0])))
        #expect(e.reducedPrecisionNodes.isEmpty)
        #expect(try e.run(inputs: ["X": x])["Y"]?.floats == [20, 10])
        // nodes_values_as_tensor (ai.onnx.ml 3) holds float64 thresholds, compared as stored.
        let exact = try Executor(
            graph: graph(.tensor(Tensor(shape: [3], doubles: [0.1000000015, 0, 0])), name: "nodes_values_as_tensor"))
        #expect(try exact.run(inputs: ["X": x])["Y"]?.floats == [20, 10])
        #expect(try exact.run(inputs: ["X": Tensor(shape: [1, 1], doubles: [0.1000000016])])["Y"]?.floats == [20])
    }
}
