/// ONNX OneHot: indices (negative ones count from the end of `depth`) become one-hot vectors along
/// `axis`, filled with values[0] (off) and values[1] (on). Out-of-range indices give all-off
/// vectors, as the specification says. Not differentiable.
struct OneHotKernel: ForwardOnlyKernel, AxisKernel {
    static let opType = "OneHot"
    static let defaultAxis = -1
    let ctx: KernelContext
    let axis: Int

    /// indices' shape with `depth` inserted at the (normalised) axis; overflow-checked.
    static func outputShape(indices: [Int], depth: Int, axis: Int) -> [Int]? {
        let rank = indices.count + 1
        guard depth >= 0, let a = Shape.normalizeAxis(axis, rank: rank) else { return nil }
        var shape = indices
        shape.insert(depth, at: a)
        return Shape.checkedCount(shape) == nil ? nil : shape
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let indices = try ctx.input(inputs, 0)
        let idx: [Int]
        switch indices.storage {
        case .float(let f): idx = f.map { Int(Tensor.truncatingInt64($0)) }
        case .int64(let i): idx = i.map { Int(truncatingIfNeeded: $0) }
        default: throw ctx.inputError(0, "must be numeric")
        }
        let depthTensor = try ctx.input(inputs, 1)
        guard depthTensor.count == 1, let depthValue = try? depthTensor.asFloats().first else {
            throw ctx.inputError(1, "must hold one number")
        }
        guard depthValue.isFinite, abs(depthValue) < Float(Int32.max) else {
            throw ctx.inputError(1, "depth \(depthValue) is not a usable class count")
        }
        let depth = Int(depthValue)
        let values = try ctx.input(inputs, 2)
        guard values.count == 2 else { throw ctx.inputError(2, "must hold [off, on]") }
        guard let shape = Self.outputShape(indices: indices.shape, depth: depth, axis: axis) else {
            throw ctx.fail("depth \(depth) and axis \(axis) do not give a valid output for indices \(indices.shape)")
        }
        try ctx.checkOutput(shape, .int64)
        let a = Shape.normalizeAxis(axis, rank: shape.count) ?? 0
        let inner = Shape.product(indices.shape, a..<indices.rank)
        var map = [Int](repeating: 0, count: Shape.count(shape))
        for (e, raw) in idx.enumerated() {
            let k = raw < 0 ? raw + depth : raw
            guard k >= 0 && k < depth else { continue }
            let o = e / max(inner, 1)
            let i = e % max(inner, 1)
            map[(o * depth + k) * inner + i] = 1
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: values.storage.gathered(map))])
    }
}
