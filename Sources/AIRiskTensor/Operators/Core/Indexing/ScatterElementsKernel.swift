/// ONNX ScatterElements (and the deprecated Scatter): a copy of data with `updates` written at
/// `indices` along `axis`; `reduction` none (later writes win), add, mul, max or min. Not
/// differentiable.
struct ScatterElementsKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "ScatterElements"
    @NodeContext var ctx
    @Attribute var axis = 0
    @Attribute var reduction = ScatterReduction.replace

    /// Offsets in data for every element of indices (axis coordinate replaced by the index).
    func targets(data: Tensor, indicesShape: [Int], idx: [Int]) throws -> [Int] {
        guard indicesShape.count == data.rank else { throw ctx.inputError(1, "must have the rank of data") }
        let a = try ctx.axis(axis, rank: data.rank)
        for d in indicesShape.indices where indicesShape[d] > data.shape[d] {
            throw ctx.inputError(1, "shape \(indicesShape) exceeds data shape \(data.shape)")
        }
        var strides = Shape.strides(data.shape)
        let step = strides[a]
        strides[a] = 0
        let base = IndexMap.strided(shape: indicesShape, base: 0, strides: strides)
        return try base.indices.map { i in
            var k = idx[i]
            if k < 0 { k += data.shape[a] }
            guard k >= 0 && k < data.shape[a] else { throw ctx.inputError(1, "index \(idx[i]) is out of range") }
            return base[i] + k * step
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let data = try ctx.input(inputs, 0)
        let indices = try ctx.input(inputs, 1)
        let updates = try ctx.input(inputs, 2)
        guard updates.shape == indices.shape else { throw ctx.inputError(2, "must have the shape of indices") }
        let at = try targets(data: data, indicesShape: indices.shape, idx: try ctx.intValues(inputs, 1))
        switch (data.storage, updates.storage) {
        case (.float(var v), .float(let u)):
            for (i, t) in at.enumerated() { v[t] = combine(v[t], u[i]) }
            return KernelOutput(outputs: [Tensor(shape: data.shape, storage: .float(v))])
        case (.int64(var v), .int64(let u)):
            for (i, t) in at.enumerated() {
                switch reduction {
                case .add: v[t] = v[t] &+ u[i]
                case .mul: v[t] = v[t] &* u[i]
                case .max: v[t] = max(v[t], u[i])
                case .min: v[t] = min(v[t], u[i])
                case .replace: v[t] = u[i]
                }
            }
            return KernelOutput(outputs: [Tensor(shape: data.shape, storage: .int64(v))])
        default:
            guard reduction == .replace, let joined = Tensor.Storage.joined([data.storage, updates.storage]) else {
                throw ctx.fail("data and updates must share a numeric type")
            }
            var map = Array(0..<data.count)
            for (i, t) in at.enumerated() { map[t] = data.count + i }
            return KernelOutput(outputs: [Tensor(shape: data.shape, storage: joined.gathered(map))])
        }
    }

    func combine(_ a: Float, _ b: Float) -> Float {
        switch reduction {
        case .add: a + b
        case .mul: a * b
        case .max: max(a, b)
        case .min: min(a, b)
        case .replace: b
        }
    }
}

/// The deprecated ONNX Scatter (opset 9–10): ScatterElements without reduction.
struct ScatterKernel: ForwardOnlyKernel {
    static let opType = "Scatter"
    let inner: ScatterElementsKernel

    init(node: Node, opset: Int) throws { inner = try ScatterElementsKernel(node: node, opset: opset) }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput { try inner.forward(inputs) }
}
