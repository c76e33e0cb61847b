/// ONNX CumSum along the axis given as the second input, with `exclusive` and `reverse`.
/// Differentiable with respect to X (the gradient is the cumulative sum in the other direction).
struct CumSumKernel: AttributedKernel {
    static let opType = "CumSum"
    @NodeContext var ctx
    @Attribute var exclusive: Bool = false
    @Attribute var reverse: Bool = false

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func scan<T: AdditiveArithmetic>(_ v: [T], shape: [Int], axis a: Int, reverse: Bool) -> [T] {
        let inner = Shape.product(shape, (a + 1)..<shape.count)
        let outer = Shape.product(shape, 0..<a)
        let n = shape[a]
        var out = [T](repeating: .zero, count: v.count)
        for o in 0..<outer {
            for i in 0..<inner {
                var acc = T.zero
                for step in 0..<n {
                    let j = reverse ? n - 1 - step : step
                    let e = (o * n + j) * inner + i
                    if exclusive {
                        out[e] = acc
                        acc += v[e]
                    } else {
                        acc += v[e]
                        out[e] = acc
                    }
                }
            }
        }
        return out
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        guard let given = try ctx.intValues(inputs, 1).first else { throw ctx.inputError(1, "is empty") }
        let a = try ctx.axis(given, rank: x.rank)
        switch x.storage {
        case .float(let v):
            return KernelOutput(outputs: [
                Tensor(shape: x.shape, scalars: scan(v, shape: x.shape, axis: a, reverse: reverse))
            ])
        case .int64(let v):
            let out = scan(v.map { IntWrap($0) }, shape: x.shape, axis: a, reverse: reverse).map(\.value)
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .int64(out))])
        default:
            throw ctx.inputError(0, "must be numeric, got \(x.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        guard let given = try ctx.intValues(inputs, 1).first else { return [nil, nil] }
        let a = try ctx.axis(given, rank: g.rank)
        return [Tensor(shape: g.shape, scalars: scan(gv, shape: g.shape, axis: a, reverse: !reverse)), nil]
    }
}

/// Int64 with wrapping addition, so a cumulative sum never traps.
struct IntWrap: AdditiveArithmetic {
    var value: Int64
    init(_ v: Int64) { value = v }
    static var zero: IntWrap { IntWrap(0) }
    static func + (a: IntWrap, b: IntWrap) -> IntWrap { IntWrap(a.value &+ b.value) }
    static func - (a: IntWrap, b: IntWrap) -> IntWrap { IntWrap(a.value &- b.value) }
}
