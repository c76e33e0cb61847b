/// ONNX Trilu: keeps the upper (`upper` = 1, j − i ≥ k) or lower (j − i ≤ k) triangle of the last
/// two dimensions and zeroes the rest; `k` is the optional second input. Differentiable with
/// respect to the input (the gradient is masked the same way).
struct TriluKernel: AttributedKernel {
    static let opType = "Trilu"
    @NodeContext var ctx
    @Attribute var upper: Bool = true

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    /// Whether each element of `shape` is kept.
    func mask(_ shape: [Int], k: Int) throws -> [Bool] {
        guard shape.count >= 2 else { throw ctx.inputError(0, "must have rank 2 or more, got shape \(shape)") }
        let rows = shape[shape.count - 2]
        let cols = shape[shape.count - 1]
        let n = Shape.count(shape)
        var keep = [Bool](repeating: false, count: n)
        for e in 0..<n {
            let j = e % max(cols, 1)
            let i = (e / max(cols, 1)) % max(rows, 1)
            keep[e] = upper ? j - i >= k : j - i <= k
        }
        return keep
    }

    func k(_ inputs: [Tensor?]) throws -> Int { try ctx.optionalIntValues(inputs, 1)?.first ?? 0 }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let keep = try mask(x.shape, k: k(inputs))
        let storage: Tensor.Storage
        switch x.storage {
        case .float(let v): storage = .float(zip(v, keep).map { $1 ? $0 : 0 })
        case .double(let v): storage = .double(zip(v, keep).map { $1 ? $0 : 0 })
        case .int64(let v): storage = .int64(zip(v, keep).map { $1 ? $0 : 0 })
        case .bool(let v): storage = .bool(zip(v, keep).map { $1 ? $0 : false })
        case .string: throw ctx.inputError(0, "must be numeric or bool, got string")
        }
        return KernelOutput(outputs: [Tensor(shape: x.shape, storage: storage)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        let keep = try mask(g.shape, k: k(inputs))
        return [Tensor(shape: g.shape, scalars: zip(gv, keep).map { $1 ? $0 : 0 }), nil]
    }
}
