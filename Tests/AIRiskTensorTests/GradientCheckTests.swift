import Testing

@testable import AIRiskTensor

/// Every differentiable core kernel against central finite differences.
@Suite("Gradients against finite differences")
struct GradientCheckTests {
    func t(_ shape: [Int], seed: UInt64, in range: ClosedRange<Float> = -1...1) -> Tensor {
        Tensor(shape: shape, scalars: TestSupport.values(Shape.count(shape), seed: seed, in: range))
    }

    @Test("Gemm, all transpose combinations, with a broadcast bias")
    func gemm() throws {
        for (ta, tb) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let a = t(ta == 1 ? [4, 3] : [3, 4], seed: 1)
            let b = t(tb == 1 ? [5, 4] : [4, 5], seed: 2)
            try TestSupport.checkNode(
                "Gemm", [a, b, t([5], seed: 3)], wrt: [0, 1, 2],
                attributes: [
                    "transA": .int(Int64(ta)), "transB": .int(Int64(tb)), "alpha": .float(0.7), "beta": .float(1.3),
                ])
        }
    }

    @Test("MatMul: matrices, vectors, shared and broadcast batches")
    func matmul() throws {
        try TestSupport.checkNode("MatMul", [t([3, 4], seed: 1), t([4, 2], seed: 2)], wrt: [0, 1])
        try TestSupport.checkNode("MatMul", [t([2, 3, 4], seed: 1), t([4, 2], seed: 2)], wrt: [0, 1])
        try TestSupport.checkNode("MatMul", [t([3, 4], seed: 1), t([2, 4, 2], seed: 2)], wrt: [0, 1])
        try TestSupport.checkNode("MatMul", [t([2, 1, 3, 4], seed: 1), t([3, 4, 2], seed: 2)], wrt: [0, 1])
        try TestSupport.checkNode("MatMul", [t([4], seed: 1), t([4, 2], seed: 2)], wrt: [0, 1])
        try TestSupport.checkNode("MatMul", [t([3, 4], seed: 1), t([4], seed: 2)], wrt: [0, 1])
    }

    @Test("Binary arithmetic with broadcasting on both sides")
    func binary() throws {
        for op in ["Add", "Sub", "Mul"] {
            try TestSupport.checkNode(op, [t([2, 3], seed: 1), t([3], seed: 2)], wrt: [0, 1])
            try TestSupport.checkNode(op, [t([2, 1], seed: 1), t([1, 3], seed: 2)], wrt: [0, 1])
        }
        try TestSupport.checkNode("Div", [t([2, 3], seed: 1), t([2, 1], seed: 2, in: 0.5...2)], wrt: [0, 1])
        try TestSupport.checkNode("Pow", [t([2, 3], seed: 1, in: 0.5...2), t([3], seed: 2)], wrt: [0, 1])
    }

    @Test("Unary activations")
    func unary() throws {
        let x = Tensor(vector: [-1.5, -0.6, -0.2, 0.3, 0.7, 1.4])
        for op in ["Neg", "Exp", "Relu", "Elu", "Sigmoid", "Tanh"] {
            try TestSupport.checkNode(op, [x], wrt: [0])
        }
        try TestSupport.checkNode("LeakyRelu", [x], wrt: [0], attributes: ["alpha": .float(0.2)])
        let p = t([6], seed: 3, in: 0.5...2)
        try TestSupport.checkNode("Log", [p], wrt: [0])
        try TestSupport.checkNode("Sqrt", [p], wrt: [0])
        try TestSupport.checkNode("Clip", [x, Tensor(scalar: -1), Tensor(scalar: 1)], wrt: [0], opset: 13)
    }

    @Test("Softmax and LogSoftmax over several axes and opsets")
    func softmax() throws {
        let x = t([2, 3, 4], seed: 5, in: -2...2)
        for op in ["Softmax", "LogSoftmax"] {
            try TestSupport.checkNode(op, [x], wrt: [0], opset: 13)
            try TestSupport.checkNode(op, [x], wrt: [0], attributes: ["axis": .int(1)], opset: 13)
            try TestSupport.checkNode(op, [x], wrt: [0], attributes: ["axis": .int(1)], opset: 11)
        }
    }

    @Test("Shape and data-movement kernels")
    func movement() throws {
        let x = t([2, 3, 4], seed: 7)
        try TestSupport.checkNode("Reshape", [x, Tensor(int64Vector: [6, -1])], wrt: [0])
        try TestSupport.checkNode("Flatten", [x], wrt: [0])
        try TestSupport.checkNode("Transpose", [x], wrt: [0], attributes: ["perm": .ints([2, 0, 1])])
        try TestSupport.checkNode("Squeeze", [t([1, 3], seed: 1), Tensor(int64Vector: [0])], wrt: [0])
        try TestSupport.checkNode("Unsqueeze", [x, Tensor(int64Vector: [1])], wrt: [0])
        try TestSupport.checkNode("Concat", [x, t([2, 1, 4], seed: 8)], wrt: [0, 1], attributes: ["axis": .int(1)])
        try TestSupport.checkNode(
            "Gather", [x, Tensor(int64Vector: [2, 0, 2])], wrt: [0], attributes: ["axis": .int(1)])
        try TestSupport.checkNode(
            "Slice",
            [
                x, Tensor(int64Vector: [3, 0]), Tensor(int64Vector: [0, 2]), Tensor(int64Vector: [2, 1]),
                Tensor(int64Vector: [-2, 1]),
            ], wrt: [0])
        try TestSupport.checkNode("Identity", [x], wrt: [0])
        try TestSupport.checkNode("Dropout", [x], wrt: [0])
        try TestSupport.checkNode("Cast", [x], wrt: [0], attributes: ["to": .int(1)])
    }

    @Test("Reductions")
    func reductions() throws {
        let x = t([2, 3, 4], seed: 9)
        try TestSupport.checkNode("ReduceSum", [x, Tensor(int64Vector: [1])], wrt: [0], opset: 13)
        try TestSupport.checkNode("ReduceSum", [x], wrt: [0], attributes: ["keepdims": .int(0)], opset: 13)
        try TestSupport.checkNode("ReduceMean", [x], wrt: [0], attributes: ["axes": .ints([0, 2])], opset: 13)
        try TestSupport.checkNode(
            "ReduceMean", [x], wrt: [0], attributes: ["axes": .ints([-1]), "keepdims": .int(0)], opset: 13)
    }

    @Test("A Gemm → Relu → Gemm → Softmax MLP, with respect to the input and every initializer")
    func mlp() throws {
        let graph = Graph(
            name: "mlp",
            nodes: [
                Node(
                    name: "fc1", opType: "Gemm", inputs: ["x", "W1", "b1"], outputs: ["h"],
                    attributes: ["transB": .int(1)]),
                Node(name: "act", opType: "Relu", inputs: ["h"], outputs: ["a"]),
                Node(name: "fc2", opType: "Gemm", inputs: ["a", "W2", "b2"], outputs: ["z"]),
                Node(name: "sm", opType: "Softmax", inputs: ["z"], outputs: ["p"]),
            ],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: [.symbolic("N"), .fixed(4)])],
            outputs: [ValueInfo(name: "p", elementType: "float32", shape: nil)],
            initializers: [
                "W1": t([5, 4], seed: 11), "b1": t([5], seed: 12, in: 0.1...0.5), "W2": t([5, 3], seed: 13),
                "b2": t([3], seed: 14),
            ])
        try TestSupport.checkGradients(
            graph: graph, feeds: ["x": t([3, 4], seed: 15)], output: "p", withRespectTo: ["x", "W1", "b1", "W2", "b2"],
            epsilon: 5e-3)
    }
}
