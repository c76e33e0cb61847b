import Testing

@testable import AIRiskTensor

/// Builds and runs graphs of one node, and checks gradients against central finite differences.
enum TestSupport {
    /// A graph with a single node whose inputs are graph inputs named x0, x1, … (nil entries are
    /// omitted optional inputs) and whose outputs are y0, y1, ….
    static func nodeGraph(
        _ op: String, inputs: [Tensor?], outputs: Int = 1, attributes: [String: AttributeValue] = [:],
        opset: Int = 17, initializers: Set<Int> = []
    ) -> (Graph, [String: Tensor]) {
        var names: [String] = []
        var feeds: [String: Tensor] = [:]
        var infos: [ValueInfo] = []
        var inits: [String: Tensor] = [:]
        for (i, t) in inputs.enumerated() {
            guard let t else {
                names.append("")
                continue
            }
            let name = "x\(i)"
            names.append(name)
            if initializers.contains(i) {
                inits[name] = t
            } else {
                feeds[name] = t
                infos.append(ValueInfo(name: name, elementType: nil, shape: nil))
            }
        }
        let outs = (0..<outputs).map { "y\($0)" }
        let node = Node(name: "n", opType: op, inputs: names, outputs: outs, attributes: attributes)
        let graph = Graph(
            name: op, nodes: [node], inputs: infos,
            outputs: outs.map { ValueInfo(name: $0, elementType: nil, shape: nil) },
            initializers: inits, opsetImports: ["": opset])
        return (graph, feeds)
    }

    /// Runs one node and returns its outputs in order.
    static func run(
        _ op: String, _ inputs: [Tensor?], outputs: Int = 1, attributes: [String: AttributeValue] = [:], opset: Int = 17
    ) throws -> [Tensor] {
        let (graph, feeds) = nodeGraph(op, inputs: inputs, outputs: outputs, attributes: attributes, opset: opset)
        let result = try Executor(graph: graph).run(inputs: feeds)
        return try (0..<outputs).map { try #require(result["y\($0)"]) }
    }

    static func floats(_ t: Tensor) -> [Float] { t.floats ?? [] }

    static func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-5) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    /// Deterministic pseudo-random floats in [lo, hi).
    static func values(_ n: Int, seed: UInt64, in range: ClosedRange<Float> = -1...1) -> [Float] {
        var g = SeededGenerator(seed: seed)
        return (0..<n).map { _ in Float.random(in: range, using: &g) }
    }

    /// Checks the executor's gradients of sum(w · output) with respect to `names` against central
    /// finite differences, where w is a fixed pseudo-random weighting.
    static func checkGradients(
        graph: Graph, feeds: [String: Tensor], output: String, withRespectTo names: [String],
        epsilon: Float = 1e-2, tolerance: Float = 1e-2, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let executor = try Executor(graph: graph)
        let y = try #require(try executor.run(inputs: feeds)[output])
        let w = Tensor(shape: y.shape, scalars: values(y.count, seed: 99))
        let result = try executor.gradients(inputs: feeds, outputName: output, seed: w, withRespectTo: names)
        func loss(_ f: [String: Tensor], _ g: Graph) throws -> Double {
            let e = try Executor(graph: g)
            let out = try #require(try e.run(inputs: f)[output]?.floats)
            return zip(out, w.floats ?? []).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        for name in names {
            let analytic = try #require(result.gradients[name]?.floats, sourceLocation: sourceLocation)
            let isInit = graph.initializers[name] != nil
            let base = try #require(isInit ? graph.initializers[name] : feeds[name])
            var values = try #require(base.floats)
            #expect(analytic.count == values.count, sourceLocation: sourceLocation)
            for i in values.indices {
                let original = values[i]
                func evaluate(_ v: Float) throws -> Double {
                    values[i] = v
                    let t = Tensor(shape: base.shape, scalars: values)
                    var f = feeds
                    var g = graph
                    if isInit { g.initializers[name] = t } else { f[name] = t }
                    return try loss(f, g)
                }
                let plus = try evaluate(original + epsilon)
                let minus = try evaluate(original - epsilon)
                values[i] = original
                let numeric = Float((plus - minus) / Double(2 * epsilon))
                #expect(
                    abs(numeric - analytic[i]) <= tolerance * (0.3 + abs(numeric)),
                    "d/d\(name)[\(i)]: analytic \(analytic[i]) vs numeric \(numeric)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Gradient check of a single node with respect to the listed input positions.
    static func checkNode(
        _ op: String, _ inputs: [Tensor?], wrt: [Int], attributes: [String: AttributeValue] = [:], opset: Int = 17,
        epsilon: Float = 1e-2, tolerance: Float = 1e-2, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (graph, feeds) = nodeGraph(op, inputs: inputs, attributes: attributes, opset: opset)
        try checkGradients(
            graph: graph, feeds: feeds, output: "y0", withRespectTo: wrt.map { "x\($0)" }, epsilon: epsilon,
            tolerance: tolerance, sourceLocation: sourceLocation)
    }
}
