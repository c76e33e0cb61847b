/// ONNX Split along `axis`: sizes from the `split` input (opset 13+) or attribute, else equal parts
/// (`num_outputs` from opset 18, otherwise the node's output count; the last part may be smaller).
/// Differentiable: each part's gradient goes back to its slice.
struct SplitKernel: Kernel {
    static let opType = "Split"
    let ctx: KernelContext
    let axis: Int
    let splitAttribute: [Int]?
    let parts: Int
    let splitFromInput: Bool

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        axis = try ctx.int("axis", default: 0)
        splitFromInput = opset >= 13
        splitAttribute = splitFromInput ? nil : try ctx.ints("split")
        parts = try ctx.int("num_outputs") ?? node.outputs.count
    }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func sizes(_ inputs: [Tensor?], extent: Int) throws -> [Int] {
        if let given = splitFromInput ? try ctx.optionalIntValues(inputs, 1) : splitAttribute {
            guard given.allSatisfy({ $0 >= 0 }), given.reduce(0, +) == extent else {
                throw ctx.fail("split sizes \(given) do not add up to the axis size \(extent)")
            }
            return given
        }
        guard parts > 0 else { throw ctx.fail("has no outputs") }
        let chunk = (extent + parts - 1) / parts
        return (0..<parts).map { max(0, min(chunk, extent - $0 * chunk)) }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let a = try ctx.axis(axis, rank: x.rank)
        let inner = Shape.product(x.shape, (a + 1)..<x.rank)
        let outer = Shape.product(x.shape, 0..<a)
        var outputs: [Tensor] = []
        var start = 0
        for size in try sizes(inputs, extent: x.shape[a]) {
            var shape = x.shape
            shape[a] = size
            var map: [Int] = []
            map.reserveCapacity(outer * size * inner)
            for o in 0..<outer {
                let base = (o * x.shape[a] + start) * inner
                map.append(contentsOf: base..<(base + size * inner))
            }
            outputs.append(Tensor(shape: shape, storage: x.storage.gathered(map)))
            start += size
        }
        return KernelOutput(outputs: outputs)
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let x = try ctx.input(inputs, 0)
        guard x.floats != nil else { return [nil, nil] }
        let a = try ctx.axis(axis, rank: x.rank)
        let inner = Shape.product(x.shape, (a + 1)..<x.rank)
        let outer = Shape.product(x.shape, 0..<a)
        var dx = [Float](repeating: 0, count: x.count)
        var start = 0
        for (k, size) in try sizes(inputs, extent: x.shape[a]).enumerated() {
            defer { start += size }
            guard k < outputGradients.count, let g = outputGradients[k]?.floats else { continue }
            for o in 0..<outer {
                let base = (o * x.shape[a] + start) * inner
                for j in 0..<(size * inner) { dx[base + j] = g[o * size * inner + j] }
            }
        }
        return [Tensor(shape: x.shape, scalars: dx), nil]
    }
}
