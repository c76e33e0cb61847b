/// ONNX ReduceSum and ReduceMean: axes from the attribute or (ReduceSum from opset 13, ReduceMean
/// from 18) the second input; `keepdims` (default 1) and `noop_with_empty_axes` (default 0).
struct ReduceKernel<Mode: ReduceMode>: Kernel {
    static var opType: String { Mode.opType }
    let ctx: KernelContext
    let keepDims: Bool
    let noopWithEmptyAxes: Bool
    let axesAttribute: [Int]?
    let axesFromInput: Bool

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        keepDims = try ctx.int("keepdims", default: 1) != 0
        noopWithEmptyAxes = try ctx.int("noop_with_empty_axes", default: 0) != 0
        axesFromInput = opset >= Mode.axesInputOpset
        axesAttribute = axesFromInput ? nil : try ctx.ints("axes")
    }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    /// The normalised reduced axes, or nil for the no-op case.
    func axes(_ inputs: [Tensor?], rank: Int) throws -> Set<Int>? {
        let given = axesFromInput ? try ctx.optionalIntValues(inputs, 1) : axesAttribute
        if let given, !given.isEmpty {
            var set = Set<Int>()
            for a in given { set.insert(try ctx.axis(a, rank: rank)) }
            return set
        }
        if noopWithEmptyAxes { return nil }
        return Set(0..<rank)
    }

    func outShape(_ shape: [Int], _ axes: Set<Int>) -> (out: [Int], kept: [Int]) {
        let kept = shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
        let out = keepDims ? kept : shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
        return (out, kept)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        guard let axes = try axes(inputs, rank: x.rank) else { return KernelOutput(outputs: [x]) }
        let (out, kept) = outShape(x.shape, axes)
        let reducedCount = axes.reduce(1) { $0 * x.shape[$1] }
        switch x.storage {
        case .float(let v):
            var r = Broadcast.reduce(v, from: x.shape, to: kept)
            if Mode.isMean {
                let scale = 1 / Float(max(reducedCount, 1))
                for i in r.indices { r[i] *= scale }
                if reducedCount == 0 { for i in r.indices { r[i] = .nan } }
            }
            return KernelOutput(outputs: [Tensor(shape: out, storage: .float(r))])
        case .int64(let v):
            let s = Broadcast.alignedStrides(kept, to: x.shape)
            var r = [Int64](repeating: 0, count: Shape.count(kept))
            let m = IndexMap.strided(shape: x.shape, base: 0, strides: s)
            for (i, j) in m.enumerated() { r[j] = r[j] &+ v[i] }
            if Mode.isMean { for i in r.indices { r[i] /= Int64(max(reducedCount, 1)) } }
            return KernelOutput(outputs: [Tensor(shape: out, storage: .int64(r))])
        default:
            throw ctx.inputError(0, "must be a numeric tensor, got \(x.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, var gv = g.floats, let x = inputs.first ?? nil else { return [nil, nil] }
        guard let axes = try axes(inputs, rank: x.rank) else { return [g, nil] }
        let (_, kept) = outShape(x.shape, axes)
        if Mode.isMean {
            let scale = 1 / Float(max(axes.reduce(1) { $0 * x.shape[$1] }, 1))
            for i in gv.indices { gv[i] *= scale }
        }
        return [Tensor(shape: x.shape, storage: .float(Broadcast.expand(gv, from: kept, to: x.shape))), nil]
    }
}

protocol ReduceMode: Sendable {
    static var opType: String { get }
    static var isMean: Bool { get }
    static var axesInputOpset: Int { get }
}

enum SumReduction: ReduceMode {
    static let opType = "ReduceSum"
    static let isMean = false
    static let axesInputOpset = 13
}

enum MeanReduction: ReduceMode {
    static let opType = "ReduceMean"
    static let isMean = true
    static let axesInputOpset = 18
}

/// ONNX ArgMax (int64 indices; `keepdims`, `select_last_index`). Not differentiable.
struct ArgMaxKernel: Kernel {
    static let opType = "ArgMax"
    static let isDifferentiable = false
    let ctx: KernelContext
    let axis: Int
    let keepDims: Bool
    let selectLast: Bool

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        axis = try ctx.int("axis", default: 0)
        keepDims = try ctx.int("keepdims", default: 1) != 0
        selectLast = try ctx.int("select_last_index", default: 0) != 0
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let v: [Float]
        switch x.storage {
        case .float(let f): v = f
        case .int64(let i): v = i.map { Float($0) }
        default: throw ctx.inputError(0, "must be numeric, got \(x.elementTypeName)")
        }
        let a = try ctx.axis(axis, rank: x.rank)
        let outer = Shape.product(x.shape, 0..<a)
        let len = x.shape[a]
        let inner = Shape.product(x.shape, (a + 1)..<x.rank)
        guard len > 0 else { throw ctx.fail("cannot take ArgMax over an empty axis") }
        var out = [Int64](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * len * inner + i
                var best = 0
                var bestValue = v[base]
                for j in 1..<len {
                    let value = v[base + j * inner]
                    if value > bestValue || (selectLast && value == bestValue) {
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

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] { [nil] }
}

/// ONNX Clip: bounds from attributes `min`/`max` before opset 11, then optional inputs 1 and 2.
/// The gradient passes where min ≤ x ≤ max.
struct ClipKernel: Kernel {
    static let opType = "Clip"
    let ctx: KernelContext
    let boundsFromInputs: Bool
    let attributeMin: Float
    let attributeMax: Float

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        boundsFromInputs = opset >= 11
        attributeMin = try ctx.float("min", default: -.greatestFiniteMagnitude)
        attributeMax = try ctx.float("max", default: .greatestFiniteMagnitude)
    }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func bounds(_ inputs: [Tensor?]) throws -> (Float, Float) {
        guard boundsFromInputs else { return (attributeMin, attributeMax) }
        var lo = -Float.infinity
        var hi = Float.infinity
        if let t = ctx.optionalInput(inputs, 1) { lo = try t.asFloats().first ?? lo }
        if let t = ctx.optionalInput(inputs, 2) { hi = try t.asFloats().first ?? hi }
        return (lo, hi)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let (lo, hi) = try bounds(inputs)
        switch x.storage {
        case .float(let v):
            let out = v.map { min(max($0, lo), hi) }
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .float(out))])
        case .int64(let v):
            let l = lo.isInfinite ? Int64.min : Int64(lo)
            let h = hi.isInfinite ? Int64.max : Int64(hi)
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .int64(v.map { min(max($0, l), h) }))])
        default:
            throw ctx.inputError(0, "must be numeric, got \(x.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil, nil] }
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let (lo, hi) = try bounds(inputs)
        var dx = gv
        for i in dx.indices where xv[i] < lo || xv[i] > hi { dx[i] = 0 }
        return [Tensor(shape: x.shape, storage: .float(dx)), nil, nil]
    }
}
