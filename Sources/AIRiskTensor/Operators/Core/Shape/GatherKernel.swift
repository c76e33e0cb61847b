/// ONNX Gather: picks slices of `data` along `axis` at `indices` (negative indices count from the end).
struct GatherKernel: GatheringKernel, AxisKernel {
    static let opType = "Gather"
    static let defaultAxis = 0
    let ctx: KernelContext
    let axis: Int

    func sourceMap(_ inputs: [Tensor?]) throws -> (data: Tensor, shape: [Int], map: [Int]) {
        let data = try ctx.input(inputs, 0)
        let indices = try ctx.input(inputs, 1)
        let idx = try ctx.intValues(inputs, 1)
        let a = try ctx.axis(axis, rank: data.rank)
        let dim = data.shape[a]
        let outer = Shape.product(data.shape, 0..<a)
        let inner = Shape.product(data.shape, (a + 1)..<data.rank)
        let shape = Array(data.shape[..<a]) + indices.shape + Array(data.shape[(a + 1)...])
        try ctx.checkOutput(shape, data.elementKind == .string ? .string : .int64)
        var resolved: [Int] = []
        resolved.reserveCapacity(idx.count)
        for i in idx {
            let j = i < 0 ? i + dim : i
            guard j >= 0 && j < dim else { throw ctx.inputError(1, "index \(i) is out of range for axis size \(dim)") }
            resolved.append(j)
        }
        var map: [Int] = []
        map.reserveCapacity(outer * resolved.count * inner)
        for o in 0..<outer {
            for j in resolved {
                let base = (o * dim + j) * inner
                for k in 0..<inner { map.append(base + k) }
            }
        }
        return (data, shape, map)
    }
}
