/// ONNX Tile: repeats the input `repeats[d]` times along each dimension. Differentiable (the
/// gradient sums the copies).
struct TileKernel: ContextKernel, GatheringKernel {
    static let opType = "Tile"
    let ctx: KernelContext

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

    func sourceMap(_ inputs: [Tensor?]) throws -> (data: Tensor, shape: [Int], map: [Int]) {
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
}
