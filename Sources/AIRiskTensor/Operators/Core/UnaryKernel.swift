import Foundation

/// One elementwise float function: its value and its derivative (from the input and/or output).
protocol UnaryFunction: Sendable {
    static var opType: String { get }
    init(_ ctx: KernelContext) throws
    func apply(_ x: Float) -> Float
    /// dy/dx given the input x and the output y = apply(x).
    func derivative(x: Float, y: Float) -> Float
    /// The int64 version, when the operator accepts integers.
    func apply(int x: Int64) -> Int64?
    /// `apply` over a whole tensor. Each conforming type implements it as `mapValues(self, x)` so the
    /// loop is specialised for that type (kernels are called through existentials, where a generic
    /// loop would call `apply` indirectly per element).
    func applyAll(_ x: [Float]) -> [Float]
    /// g · derivative over a whole tensor; implemented as `mapGradients(self, g, x, y)`.
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float]
}

@inline(__always)
func mapValues<F: UnaryFunction>(_ f: F, _ v: [Float]) -> [Float] {
    let n = v.count
    return [Float](unsafeUninitializedCapacity: n) { buf, count in
        v.withUnsafeBufferPointer { p in
            for i in 0..<n { buf[i] = f.apply(p[i]) }
        }
        count = n
    }
}

@inline(__always)
func mapGradients<F: UnaryFunction>(_ f: F, _ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] {
    let n = x.count
    return [Float](unsafeUninitializedCapacity: n) { buf, count in
        g.withUnsafeBufferPointer { pg in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeBufferPointer { py in
                    for i in 0..<n { buf[i] = pg[i] * f.derivative(x: px[i], y: py[i]) }
                }
            }
        }
        count = n
    }
}

extension UnaryFunction {
    func apply(int x: Int64) -> Int64? { nil }
}

/// Neg, Exp, Log, Sqrt, Relu, LeakyRelu, Elu, Sigmoid and Tanh.
struct UnaryKernel<F: UnaryFunction>: Kernel {
    static var opType: String { F.opType }
    let ctx: KernelContext
    let f: F

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        f = try F(ctx)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        switch x.storage {
        case .float(let v):
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .float(f.applyAll(v)))])
        case .int64(let v) where f.apply(int: 0) != nil:
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .int64(v.map { f.apply(int: $0) ?? 0 }))])
        default:
            throw ctx.inputError(0, "must be a float tensor, got \(x.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil] }
        let (x, xv) = try ctx.floatInput(inputs, 0)
        guard let yv = forward.outputs.first?.floats else { return [nil] }
        guard gv.count == xv.count, yv.count == xv.count else { return [nil] }
        return [Tensor(shape: x.shape, storage: .float(f.gradientAll(gv, xv, yv)))]
    }
}

struct NegFunction: UnaryFunction {
    static let opType = "Neg"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { -x }
    func derivative(x: Float, y: Float) -> Float { -1 }
    func apply(int x: Int64) -> Int64? { 0 &- x }
}

struct ExpFunction: UnaryFunction {
    static let opType = "Exp"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.exp(x) }
    func derivative(x: Float, y: Float) -> Float { y }
}

struct LogFunction: UnaryFunction {
    static let opType = "Log"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.log(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / x }
}

struct SqrtFunction: UnaryFunction {
    static let opType = "Sqrt"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { x.squareRoot() }
    func derivative(x: Float, y: Float) -> Float { 0.5 / y }
}

struct ReluFunction: UnaryFunction {
    static let opType = "Relu"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { x > 0 ? x : 0 }
    func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : 0 }
    func apply(int x: Int64) -> Int64? { max(x, 0) }
}

struct LeakyReluFunction: UnaryFunction {
    static let opType = "LeakyRelu"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    let alpha: Float
    init(_ ctx: KernelContext) throws { alpha = try ctx.float("alpha", default: 0.01) }
    func apply(_ x: Float) -> Float { x >= 0 ? x : alpha * x }
    func derivative(x: Float, y: Float) -> Float { x >= 0 ? 1 : alpha }
}

struct EluFunction: UnaryFunction {
    static let opType = "Elu"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    let alpha: Float
    init(_ ctx: KernelContext) throws { alpha = try ctx.float("alpha", default: 1) }
    func apply(_ x: Float) -> Float { x >= 0 ? x : alpha * (Foundation.exp(x) - 1) }
    func derivative(x: Float, y: Float) -> Float { x >= 0 ? 1 : y + alpha }
}

struct SigmoidFunction: UnaryFunction {
    static let opType = "Sigmoid"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }
    func derivative(x: Float, y: Float) -> Float { y * (1 - y) }
}

struct TanhFunction: UnaryFunction {
    static let opType = "Tanh"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.tanh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 - y * y }
}
