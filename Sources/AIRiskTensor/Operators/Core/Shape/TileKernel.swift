/// ONNX Tile: repeats the input `repeats[d]` times along each dimension. Differentiable (the
/// gradient sums the copies).
struct TileKernel: Kernel {
    static let opType = "Tile"
    let ctx: KernelContext

    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    /// Each dimension times its repeat count; overflow-checked.
    static func outputShape(input: [Int], repeats: [Int]) -> [Int]? {
        guard input.count == repeats.count, repeats.allSatisfy({ $0 >= 0 }) else { return nil }
        var shape: [Int] = []
        for (d, r) in zip(input, repeats) {
            let (p, o) = d.multipliedReportingOverflow(by: r)
            if o { return nil }
            shape.append(p)
        }
        return Shape.checkedCount(shape) == nil ? nil : shape
    }

    func plan(_ inputs: [Tensor?]) throws -> (Tensor, [Int], [Int]) {
        let x = try ctx.input(inputs, 0)
        let repeats = try ctx.intValues(inputs, 1)
        guard let shape = Self.outputShape(input: x.shape, repeats: repeats) else {
            throw ctx.inputError(1, "repeats \(repeats) do not fit input shape \(x.shape)")
        }
        try ctx.checkOutput(shape, .int64)
        let strides = Shape.strides(x.shape)
        let n = Shape.count(shape)
        var map = [Int](repeating: 0, count: n)
        let outStrides = Shape.strides(shape)
        for e in 0..<n {
            var rest = e
            var src = 0
            for d in 0..<shape.count {
                let c = rest / outStrides[d]
                rest %= outStrides[d]
                src += (c % max(x.shape[d], 1)) * strides[d]
            }
            map[e] = src
        }
        return (x, shape, map)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, shape, map) = try plan(inputs)
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage.gathered(map))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        let (x, _, map) = try plan(inputs)
        return [Tensor(shape: x.shape, scalars: IndexMap.scatterAdd(gv, map: map, count: x.count)), nil]
    }
}
