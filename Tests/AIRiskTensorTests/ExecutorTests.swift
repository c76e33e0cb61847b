import Dispatch
import Testing

@testable import AIRiskTensor

@Suite("Executor")
struct ExecutorTests {
    func linearGraph(extra: [Node] = [], outputs: [String] = ["y"]) -> Graph {
        Graph(
            name: "linear",
            nodes: [Node(name: "fc", opType: "Gemm", inputs: ["x", "W", "b"], outputs: ["y"])] + extra,
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: [.symbolic("N"), .fixed(2)])],
            outputs: outputs.map { ValueInfo(name: $0, elementType: nil, shape: nil) },
            initializers: ["W": Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), "b": Tensor(vector: [1, -1])])
    }

    @Test("Runs a graph and returns outputs by name")
    func run() throws {
        let e = try Executor(graph: linearGraph())
        let y = try #require(try e.run(inputs: ["x": Tensor(shape: [1, 2], scalars: [1, 1])])["y"])
        #expect(y.floats == [5, 5])
        #expect(e.inputNames == ["x"])
        #expect(e.outputNames == ["y"])
    }

    @Test("Unsupported operators are reported with type, domain and node, all at once")
    func unsupported() throws {
        var g = linearGraph()
        g.nodes.append(Node(name: "weird", opType: "FancyOp", inputs: ["y"], outputs: ["z"]))
        g.nodes.append(Node(name: "tree", opType: "NoSuchML", domain: "ai.onnx.ml", inputs: ["y"], outputs: ["w"]))
        let error = #expect(throws: ExecutorError.self) { try Executor(graph: g) }
        let text = error?.description ?? ""
        #expect(text.contains("'FancyOp' (domain ai.onnx) in node 'weird'"))
        #expect(text.contains("'NoSuchML' (domain ai.onnx.ml) in node 'tree'"))
    }

    @Test("Undefined values, undefined outputs and bad attributes fail at build time")
    func buildErrors() throws {
        var g = linearGraph()
        g.nodes.insert(Node(name: "early", opType: "Relu", inputs: ["y"], outputs: ["r"]), at: 0)
        #expect(throws: ExecutorError.undefinedValue(name: "y", node: "early")) { try Executor(graph: g) }
        #expect(throws: ExecutorError.undefinedOutput(name: "nope")) {
            try Executor(graph: linearGraph(outputs: ["nope"]))
        }
        var bad = linearGraph()
        bad.nodes[0].attributes["transA"] = .string("yes")
        let error = #expect(throws: OperatorError.self) { try Executor(graph: bad) }
        #expect(error?.description.contains("'transA'") == true)
    }

    @Test("Inputs are checked: missing, unknown, wrong type, wrong fixed dimension")
    func inputErrors() throws {
        let e = try Executor(graph: linearGraph())
        #expect(throws: ExecutorError.missingInput(name: "x")) { try e.run(inputs: [:]) }
        #expect(throws: ExecutorError.self) { try e.run(inputs: ["x": Tensor.zeros([1, 2]), "q": Tensor.zeros([1])]) }
        let type = #expect(throws: ExecutorError.inputElementType(name: "x", declared: "float32", supplied: .int64)) {
            try e.run(inputs: ["x": Tensor(shape: [1, 2], int64: [1, 2])])
        }
        #expect(type?.description.contains("input 'x' is declared float32 but was given int64 elements") == true)
        #expect(type?.description.contains("supply float32 values") == true)
        let declared: [ValueInfo.Dimension] = [.symbolic("N"), .fixed(2)]
        let dimension = #expect(throws: ExecutorError.inputShape(name: "x", declared: declared, supplied: [1, 3])) {
            try e.run(inputs: ["x": Tensor.zeros([1, 3])])
        }
        let text = dimension?.description ?? ""
        #expect(text.contains("input 'x': dimension 1 must be 2 (declared shape [N, 2]), but was given shape [1, 3]"))
        #expect(text.contains("supply a tensor of the declared shape"))
        let rank = #expect(throws: ExecutorError.inputShape(name: "x", declared: declared, supplied: [2])) {
            try e.run(inputs: ["x": Tensor.zeros([2])])
        }
        #expect(rank?.description.contains("declared with rank 2 [N, 2], but was given shape [2]") == true)
    }

    @Test("A type mismatch names the declared type, the engine's type and what is accepted")
    func inputElementTypeMessage() {
        let half = ExecutorError.inputElementType(name: "img", declared: "float16", supplied: .int64).description
        #expect(half.contains("input 'img' is declared float16 (float32 in the engine) but was given int64"))
        #expect(half.contains("supply float32 values"))
        let double = ExecutorError.inputElementType(name: "v", declared: "double", supplied: .bool).description
        #expect(double.contains("declared double (float64 in the engine) but was given bool elements"))
        #expect(double.contains("supply float64 (or float32) values"))
    }

    @Test("Initializers can be overridden by feeds")
    func overrideInitializer() throws {
        let e = try Executor(graph: linearGraph())
        let y = try e.run(inputs: ["x": Tensor(shape: [1, 2], scalars: [1, 1]), "b": Tensor(vector: [0, 0])])["y"]
        #expect(y?.floats == [4, 6])
    }

    /// y = x · Slice(Wfull)[rows 0..<2] + b: the Slice reads initializers only.
    func slicedWeightGraph() -> Graph {
        Graph(
            name: "sliced",
            nodes: [
                Node(name: "cut", opType: "Slice", inputs: ["Wfull", "starts", "ends", "axes"], outputs: ["W"]),
                Node(name: "fc", opType: "Gemm", inputs: ["x", "W", "b"], outputs: ["y"]),
            ],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: [.symbolic("N"), .fixed(2)])],
            outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)],
            initializers: [
                "Wfull": Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 100, 100]), "b": Tensor(vector: [1, -1]),
                "starts": Tensor(shape: [1], int64: [0]), "ends": Tensor(shape: [1], int64: [2]),
                "axes": Tensor(shape: [1], int64: [0]),
            ])
    }

    @Test("Steps computed from initializers alone run once at load; overriding an initializer runs them again")
    func folding() throws {
        let e = try Executor(graph: slicedWeightGraph())
        #expect(e.steps.count == 2)
        #expect(e.foldedSteps.map(\.opType) == ["Gemm"])
        let x = Tensor(shape: [1, 2], scalars: [1, 1])
        #expect(try e.run(inputs: ["x": x])["y"]?.floats == [5, 5])
        // A fed Wfull must reach the Slice: the folded value no longer holds.
        let fed = Tensor(shape: [3, 2], scalars: [0, 0, 1, 1, 9, 9])
        #expect(try e.run(inputs: ["x": x, "Wfull": fed])["y"]?.floats == [2, 0])
        #expect(try e.run(inputs: ["x": x])["y"]?.floats == [5, 5])
    }

    @Test("Operators that may draw random numbers (Dropout) are never folded, whatever their inputs")
    func randomNotFolded() throws {
        var g = slicedWeightGraph()
        g.nodes.append(Node(name: "drop", opType: "Dropout", inputs: ["b"], outputs: ["d"]))
        g.outputs.append(ValueInfo(name: "d", elementType: nil, shape: nil))
        let e = try Executor(graph: g)
        #expect(e.foldedSteps.map(\.opType) == ["Gemm", "Dropout"])
    }

    @Test("Gradients with respect to inputs and initializers")
    func gradients() throws {
        let e = try Executor(graph: linearGraph())
        let r = try e.gradients(
            inputs: ["x": Tensor(shape: [1, 2], scalars: [1, 2])], outputName: "y",
            seed: Tensor(shape: [1, 2], scalars: [1, 0]), withRespectTo: ["x", "W", "b"])
        // y0 = x·W[:,0] + b0, so dy0/dx = W[:,0] = (1, 3), dy0/dW = x in column 0, dy0/db = (1, 0).
        #expect(r.gradients["x"]?.floats == [1, 3])
        #expect(r.gradients["W"]?.floats == [1, 0, 2, 0])
        #expect(r.gradients["b"]?.floats == [1, 0])
        #expect(r.outputs["y"]?.floats == [8, 9])
    }

    @Test("Static gradient analysis ignores shape-only paths and stops at non-differentiable kernels")
    func analysis() throws {
        #expect(try Executor(graph: linearGraph()).inputGradientsAvailable)
        // x → ArgMax: no gradients.
        let argmax = Graph(
            name: "a", nodes: [Node(name: "am", opType: "ArgMax", inputs: ["x"], outputs: ["k"])],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: nil)],
            outputs: [ValueInfo(name: "k", elementType: nil, shape: nil)])
        #expect(try !Executor(graph: argmax).inputGradientsAvailable)
        // Reshape(c, Shape(x)): x reaches the output only through a shape.
        let shapeOnly = Graph(
            name: "s",
            nodes: [
                Node(name: "sh", opType: "Shape", inputs: ["x"], outputs: ["s"]),
                Node(name: "rs", opType: "Reshape", inputs: ["c", "s"], outputs: ["y"]),
            ],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: nil)],
            outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)],
            initializers: ["c": Tensor(vector: [1, 2])])
        let e = try Executor(graph: shapeOnly)
        #expect(!e.inputGradientsAvailable)
        // Both outputs: probabilities differentiable, label not.
        let both = try Executor(
            graph: linearGraph(
                extra: [Node(name: "am", opType: "ArgMax", inputs: ["y"], outputs: ["k"])], outputs: ["y", "k"]))
        #expect(both.inputGradientsAvailable)
        #expect(both.inputGradientsAvailable(forOutput: "y"))
        #expect(!both.inputGradientsAvailable(forOutput: "k"))
    }

    @Test("Asking for a gradient through a non-differentiable float path fails clearly")
    func notDifferentiable() throws {
        let g = Graph(
            name: "c",
            nodes: [
                Node(name: "toInt", opType: "Cast", inputs: ["x"], outputs: ["i"], attributes: ["to": .int(7)]),
                Node(name: "back", opType: "Cast", inputs: ["i"], outputs: ["y"], attributes: ["to": .int(1)]),
            ],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: nil)],
            outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)])
        let e = try Executor(graph: g)
        #expect(!e.inputGradientsAvailable)
        // The int64 hop carries no gradient, so the gradient is zero rather than wrong.
        let r = try e.gradients(
            inputs: ["x": Tensor(vector: [1.5])], outputName: "y", seed: Tensor(vector: [1]), withRespectTo: ["x"])
        #expect(r.gradients["x"]?.floats == [0])
        let argmaxFloat = Graph(
            name: "t",
            nodes: [Node(name: "am", opType: "ArgMax", inputs: ["x"], outputs: ["k"])],
            inputs: [ValueInfo(name: "x", elementType: "float32", shape: nil)],
            outputs: [ValueInfo(name: "k", elementType: nil, shape: nil)])
        #expect(throws: ExecutorError.self) {
            try Executor(graph: argmaxFloat).gradients(
                inputs: ["x": Tensor(vector: [1, 2])], outputName: "k", seed: Tensor(shape: [1], scalars: [1]),
                withRespectTo: ["x"])
        }
    }

    @Test("A value read twice accumulates both gradient contributions")
    func fanOut() throws {
        let g = Graph(
            name: "sq", nodes: [Node(name: "m", opType: "Mul", inputs: ["x", "x"], outputs: ["y"])],
            inputs: [ValueInfo(name: "x", elementType: nil, shape: nil)],
            outputs: [ValueInfo(name: "y", elementType: nil, shape: nil)])
        let r = try Executor(graph: g).gradients(
            inputs: ["x": Tensor(vector: [3])], outputName: "y", seed: Tensor(vector: [1]), withRespectTo: ["x"])
        #expect(r.gradients["x"]?.floats == [6])
    }

    @Test("Concurrent runs give the same results as sequential ones")
    func concurrent() throws {
        let e = try Executor(graph: linearGraph())
        let inputs = (0..<64).map { Tensor(shape: [1, 2], scalars: [Float($0), 1]) }
        let expected = try inputs.map { try e.run(inputs: ["x": $0])["y"] }
        let results = ResultBox(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            results.set(i, try? e.run(inputs: ["x": inputs[i]])["y"])
        }
        #expect(results.values == expected)
    }
}

/// Collects results written from concurrent iterations, each to its own index.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLockLike()
    private(set) var values: [Tensor?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: Tensor?) { lock.withLock { values[i] = v } }
}

/// A pthread mutex, so the test needs no Foundation.
final class NSLockLike: @unchecked Sendable {
    private let queue = DispatchQueue(label: "lock")
    func withLock(_ body: () -> Void) { queue.sync(execute: body) }
}
