/// ONNX ArgMax and ArgMin (int64 indices; `keepdims`, `select_last_index`). Not differentiable.
/// Values are compared as Double, so int64 inputs keep their order beyond float32's 2^24.
struct ArgExtremumKernel<E: ArgExtremum>: ForwardOnlyKernel, AttributedKernel {
    static var opType: String { E.opType }
    @NodeContext var ctx
    @Attribute var axis: Int = 0
    @Attribute("keepdims") var keepDims: Bool = true
    @Attribute("select_last_index") var selectLast: Bool = false

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let v: [Double]
        switch x.storage {
        case .float(let f): v = f.map { Double($0) }
        case .double(let d): v = d
        case .int64(let i): v = i.map { Double($0) }
        default: throw ctx.inputError(0, "must be numeric, got \(x.elementTypeName)")
        }
        let a = try ctx.axis(axis, rank: x.rank)
        let outer = Shape.product(x.shape, 0..<a)
        let len = x.shape[a]
        let inner = Shape.product(x.shape, (a + 1)..<x.rank)
        guard len > 0 else { throw ctx.fail("cannot take \(E.opType) over an empty axis") }
        var out = [Int64](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * len * inner + i
                var best = 0
                var bestValue = v[base]
                for j in 1..<len {
                    let value = v[base + j * inner]
                    if E.beats(value, bestValue) || (selectLast && value == bestValue) {
                        best = j
                        bestValue = value
                    }
                }
                out[o * inner + i] = Int64(best)
            }
        }
        var shape = x.shape
        if keepDims { shape[a] = 1 } else { shape.remove(at: a) }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(out))])
    }

}

/// Which extreme an ``ArgExtremumKernel`` looks for.
protocol ArgExtremum: Sendable {
    static var opType: String { get }
    /// Whether `value` replaces the best so far (strictly; ties are `select_last_index`'s business).
    static func beats(_ value: Double, _ best: Double) -> Bool
}

enum ArgMaxExtremum: ArgExtremum {
    static let opType = "ArgMax"
    static func beats(_ value: Double, _ best: Double) -> Bool { value > best }
}

enum ArgMinExtremum: ArgExtremum {
    static let opType = "ArgMin"
    static func beats(_ value: Double, _ best: Double) -> Bool { value < best }
}

typealias ArgMaxKernel = ArgExtremumKernel<ArgMaxExtremum>
typealias ArgMinKernel = ArgExtremumKernel<ArgMinExtremum>
