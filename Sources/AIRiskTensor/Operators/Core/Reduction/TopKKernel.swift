/// ONNX TopK: the `K` largest (or smallest) elements along `axis`, with their indices. Ties keep
/// the lower index first, as onnxruntime does; NaN counts as larger than every number. Not
/// differentiable (the kNN graphs that use it select by distance).
struct TopKKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "TopK"
    @NodeContext var ctx
    @Opset var opset
    @Attribute var axis = -1
    @Attribute var largest = true
    @Attribute var sorted = true
    @Attribute var k: Int? = nil

    /// K as opsets before 10 give it; later ones take it as an input.
    var attributeK: Int? { opset < 10 ? k : nil }

    /// The output shape: the input's with the axis dimension set to k; overflow-checked.
    static func outputShape(input: [Int], axis: Int, k: Int) -> Result<[Int], ShapeFailure> {
        guard let a = Shape.normalizeAxis(axis, rank: input.count) else {
            return .failure(ShapeFailure("axis \(axis) is out of range for rank \(input.count)"))
        }
        guard k >= 0, k <= input[a] else {
            return .failure(ShapeFailure("k = \(k) is outside 0...\(input[a]) (the size of axis \(a))"))
        }
        var shape = input
        shape[a] = k
        guard Shape.checkedCount(shape) != nil else { return .failure(ShapeFailure("shape \(shape) is too large")) }
        return .success(shape)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let k: Int
        if let attributeK {
            k = attributeK
        } else {
            let given = try ctx.intValues(inputs, 1)
            guard given.count == 1 else { throw ctx.inputError(1, "must hold one value, got \(given.count)") }
            k = given[0]
        }
        let shape: [Int]
        switch Self.outputShape(input: x.shape, axis: axis, k: k) {
        case .success(let s): shape = s
        case .failure(let f): throw ctx.fail(f.reason)
        }
        let a = try ctx.axis(axis, rank: x.rank)
        let n = x.shape[a]
        let inner = Shape.product(x.shape, (a + 1)..<x.rank)
        let outer = Shape.product(x.shape, 0..<a)
        let keys: [Double]
        switch x.storage {
        case .float(let v): keys = v.map { $0.isNaN ? .infinity : Double($0) }
        case .int64(let v): keys = v.map { Double($0) }
        default: throw ctx.inputError(0, "must be a numeric tensor, got \(x.elementTypeName)")
        }
        var out = [Int](repeating: 0, count: outer * k * inner)
        var outIndex = [Int64](repeating: 0, count: outer * k * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                let order = (0..<n).sorted { p, q in
                    let a = keys[base + p * inner]
                    let b = keys[base + q * inner]
                    if a != b { return largest ? a > b : a < b }
                    return p < q
                }
                var chosen = Array(order.prefix(k))
                if !sorted { chosen.sort() }
                for (r, j) in chosen.enumerated() {
                    out[o * k * inner + r * inner + i] = base + j * inner
                    outIndex[o * k * inner + r * inner + i] = Int64(j)
                }
            }
        }
        return KernelOutput(outputs: [
            Tensor(shape: shape, storage: x.storage.gathered(out)), Tensor(shape: shape, int64: outIndex),
        ])
    }
}
