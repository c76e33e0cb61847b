/// ONNX Max, Min, Sum and Mean over any number of inputs, with broadcasting. Sum and Mean are
/// differentiable (each input gets the gradient summed over its broadcast dimensions, divided by
/// the input count for Mean); Max and Min pass the gradient to the input that was selected (the
/// first on ties).
struct VariadicKernel<V: VariadicOperator>: ContextKernel {
    static var opType: String { V.opType }
    let ctx: KernelContext

    /// The broadcast output shape of all inputs; overflow-checked.
    static func outputShape(_ shapes: [[Int]]) -> [Int]? {
        guard let s = try? Broadcast.shape(shapes), Shape.checkedCount(s) != nil else { return nil }
        return s
    }

    func present(_ inputs: [Tensor?]) throws -> [Tensor] {
        let ts = inputs.compactMap { $0 }
        guard !ts.isEmpty else { throw ctx.fail("needs at least one input") }
        return ts
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let ts = try present(inputs)
        guard let shape = Self.outputShape(ts.map(\.shape)) else {
            throw ctx.fail("inputs of shapes \(ts.map(\.shape)) do not broadcast")
        }
        try ctx.checkOutput(shape, .int64)
        switch ts[0].storage {
        case .float:
            var acc = Broadcast.expand(try ctx.floats(ts[0], input: 0), from: ts[0].shape, to: shape)
            for (i, t) in ts.enumerated().dropFirst() {
                let v = Broadcast.expand(try ctx.floats(t, input: i), from: t.shape, to: shape)
                for j in acc.indices { acc[j] = V.combine(acc[j], v[j]) }
            }
            if V.isMean { for j in acc.indices { acc[j] /= Float(ts.count) } }
            return KernelOutput(outputs: [Tensor(shape: shape, scalars: acc)])
        case .int64(let first):
            var acc = Broadcast.expand(first, from: ts[0].shape, to: shape)
            for (i, t) in ts.enumerated().dropFirst() {
                guard let w = t.int64s else { throw ctx.inputError(i, "must be int64 like input 0") }
                let v = Broadcast.expand(w, from: t.shape, to: shape)
                for j in acc.indices { acc[j] = V.combine(acc[j], v[j]) }
            }
            if V.isMean { for j in acc.indices { acc[j] /= Int64(ts.count) } }
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(acc))])
        default:
            throw ctx.inputError(0, "must be numeric, got \(ts[0].elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats, let y = forward.outputs.first?.floats else {
            return inputs.map { _ in nil }
        }
        let shape = g.shape
        let count = Float(inputs.compactMap { $0 }.count)
        var taken = [Bool](repeating: false, count: gv.count)
        return try inputs.enumerated().map { i, t -> Tensor? in
            guard let t, t.floats != nil else { return nil }
            var local = gv
            if V.selects {
                let v = Broadcast.expand(try ctx.floats(t, input: i), from: t.shape, to: shape)
                for j in local.indices {
                    if !taken[j] && v[j] == y[j] { taken[j] = true } else { local[j] = 0 }
                }
            } else if V.isMean {
                for j in local.indices { local[j] /= count }
            }
            return Tensor(shape: t.shape, scalars: Broadcast.reduce(local, from: shape, to: t.shape))
        }
    }
}

protocol VariadicOperator: Sendable {
    static var opType: String { get }
    /// Whether the combined value is divided by the input count (Mean); false unless stated.
    static var isMean: Bool { get }
    /// Whether the result picks one input per element (Max, Min) rather than combining them; false unless
    /// stated.
    static var selects: Bool { get }
    static func combine(_ a: Float, _ b: Float) -> Float
    static func combine(_ a: Int64, _ b: Int64) -> Int64
}

extension VariadicOperator {
    static var isMean: Bool { false }
    static var selects: Bool { false }
}

enum MaxVariadic: VariadicOperator {
    static let opType = "Max"
    static let selects = true
    static func combine(_ a: Float, _ b: Float) -> Float { a.isNaN || b.isNaN ? .nan : max(a, b) }
    static func combine(_ a: Int64, _ b: Int64) -> Int64 { max(a, b) }
}

enum MinVariadic: VariadicOperator {
    static let opType = "Min"
    static let selects = true
    static func combine(_ a: Float, _ b: Float) -> Float { a.isNaN || b.isNaN ? .nan : min(a, b) }
    static func combine(_ a: Int64, _ b: Int64) -> Int64 { min(a, b) }
}

enum SumVariadic: VariadicOperator {
    static let opType = "Sum"
    static func combine(_ a: Float, _ b: Float) -> Float { a + b }
    static func combine(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
}

/// The sum, divided by the input count.
enum MeanVariadic: VariadicOperator {
    static let opType = "Mean"
    static let isMean = true
    static func combine(_ a: Float, _ b: Float) -> Float { SumVariadic.combine(a, b) }
    static func combine(_ a: Int64, _ b: Int64) -> Int64 { SumVariadic.combine(a, b) }
}
