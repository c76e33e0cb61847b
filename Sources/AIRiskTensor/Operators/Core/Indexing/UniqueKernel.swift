/// ONNX Unique: the distinct elements (or, with `axis`, distinct slices along it), sorted ascending
/// (`sorted` = 1, the default) or in order of first occurrence, with the first-occurrence indices,
/// the inverse indices and the counts. Not differentiable.
struct UniqueKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "Unique"
    @NodeContext var ctx
    @Attribute var axis: Int? = nil
    @Attribute var sorted: Bool = true

    enum Key: Comparable, Hashable {
        case number(Double)
        case text(String)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let input = try ctx.input(inputs, 0)
        let x = axis == nil ? input.reshaped([input.count]) : input
        let a = try ctx.axis(axis ?? 0, rank: x.rank)
        let keys: [Key]
        switch x.storage {
        case .float(let v): keys = v.map { .number(Double($0)) }
        case .double(let v): keys = v.map { .number($0) }
        case .int64(let v): keys = v.map { .number(Double($0)) }
        case .bool(let v): keys = v.map { .number($0 ? 1 : 0) }
        case .string(let v): keys = v.map { .text($0) }
        }
        let n = x.shape[a]
        let inner = Shape.product(x.shape, (a + 1)..<x.rank)
        let outer = Shape.product(x.shape, 0..<a)
        // The flat offsets of slice i along the axis.
        func offsets(_ i: Int) -> [Int] {
            var result: [Int] = []
            result.reserveCapacity(outer * inner)
            for o in 0..<outer {
                let base = (o * n + i) * inner
                for j in 0..<inner { result.append(base + j) }
            }
            return result
        }
        var slices: [[Key]] = []
        for i in 0..<n { slices.append(offsets(i).map { keys[$0] }) }
        var firstOf: [[Key]: Int] = [:]
        var order: [Int] = []
        for i in 0..<n where firstOf[slices[i]] == nil {
            firstOf[slices[i]] = i
            order.append(i)
        }
        if sorted { order.sort { slices[$0].lexicographicallyPrecedes(slices[$1]) } }
        var position: [[Key]: Int] = [:]
        for (k, i) in order.enumerated() { position[slices[i]] = k }
        var counts = [Int64](repeating: 0, count: order.count)
        var inverse: [Int64] = []
        for i in 0..<n {
            let k = position[slices[i]] ?? 0
            counts[k] += 1
            inverse.append(Int64(k))
        }
        var shape = x.shape
        shape[a] = order.count
        var map: [Int] = []
        for o in 0..<outer {
            for i in order { map.append(contentsOf: ((o * n + i) * inner)..<((o * n + i + 1) * inner)) }
        }
        return KernelOutput(outputs: [
            Tensor(shape: shape, storage: x.storage.gathered(map)),
            Tensor(shape: [order.count], int64: order.map { Int64($0) }),
            Tensor(shape: [n], int64: inverse),
            Tensor(shape: [order.count], int64: counts),
        ])
    }
}
