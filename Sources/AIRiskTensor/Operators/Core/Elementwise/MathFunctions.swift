import Foundation

// Elementwise math operators beyond the activations networks need, for the converters and the ONNX
// node tests: rounding (derivative 0), trigonometric and hyperbolic functions, and the smooth
// activations (Softplus, Softsign, HardSigmoid, Selu, ThresholdedRelu, HardSwish, Mish, Celu).

struct CeilFunction: UnaryFunction {
    static let opType = "Ceil"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { x.rounded(.up) }
    func derivative(x: Float, y: Float) -> Float { 0 }
}

struct FloorFunction: UnaryFunction {
    static let opType = "Floor"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { x.rounded(.down) }
    func derivative(x: Float, y: Float) -> Float { 0 }
}

/// Round half to even, as ONNX specifies.
struct RoundFunction: UnaryFunction {
    static let opType = "Round"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { x.rounded(.toNearestOrEven) }
    func derivative(x: Float, y: Float) -> Float { 0 }
}

struct SignFunction: UnaryFunction {
    static let opType = "Sign"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0)) }
    func derivative(x: Float, y: Float) -> Float { 0 }
    func apply(int x: Int64) -> Int64? { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}

struct SinFunction: UnaryFunction {
    static let opType = "Sin"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.sin(x) }
    func derivative(x: Float, y: Float) -> Float { Foundation.cos(x) }
}

struct CosFunction: UnaryFunction {
    static let opType = "Cos"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.cos(x) }
    func derivative(x: Float, y: Float) -> Float { -Foundation.sin(x) }
}

struct TanFunction: UnaryFunction {
    static let opType = "Tan"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.tan(x) }
    func derivative(x: Float, y: Float) -> Float { 1 + y * y }
}

struct AsinFunction: UnaryFunction {
    static let opType = "Asin"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.asin(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (1 - x * x).squareRoot() }
}

struct AcosFunction: UnaryFunction {
    static let opType = "Acos"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.acos(x) }
    func derivative(x: Float, y: Float) -> Float { -1 / (1 - x * x).squareRoot() }
}

struct AtanFunction: UnaryFunction {
    static let opType = "Atan"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.atan(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (1 + x * x) }
}

struct SinhFunction: UnaryFunction {
    static let opType = "Sinh"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.sinh(x) }
    func derivative(x: Float, y: Float) -> Float { Foundation.cosh(x) }
}

struct CoshFunction: UnaryFunction {
    static let opType = "Cosh"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.cosh(x) }
    func derivative(x: Float, y: Float) -> Float { Foundation.sinh(x) }
}

struct AsinhFunction: UnaryFunction {
    static let opType = "Asinh"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.asinh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (x * x + 1).squareRoot() }
}

struct AcoshFunction: UnaryFunction {
    static let opType = "Acosh"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.acosh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (x * x - 1).squareRoot() }
}

struct AtanhFunction: UnaryFunction {
    static let opType = "Atanh"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.atanh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (1 - x * x) }
}

struct SoftplusFunction: UnaryFunction {
    static let opType = "Softplus"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float {
        x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
    }
    func derivative(x: Float, y: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }
}

struct SoftsignFunction: UnaryFunction {
    static let opType = "Softsign"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { x / (1 + abs(x)) }
    func derivative(x: Float, y: Float) -> Float { 1 / ((1 + abs(x)) * (1 + abs(x))) }
}

struct HardSigmoidFunction: UnaryFunction {
    static let opType = "HardSigmoid"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    let alpha: Float
    let beta: Float
    init(_ ctx: KernelContext) throws {
        alpha = try ctx.float("alpha", default: 0.2)
        beta = try ctx.float("beta", default: 0.5)
    }
    func apply(_ x: Float) -> Float { max(0, min(1, alpha * x + beta)) }
    func derivative(x: Float, y: Float) -> Float { y > 0 && y < 1 ? alpha : 0 }
}

struct SeluFunction: UnaryFunction {
    static let opType = "Selu"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    let alpha: Float
    let gamma: Float
    init(_ ctx: KernelContext) throws {
        alpha = try ctx.float("alpha", default: 1.67326319217681884765625)
        gamma = try ctx.float("gamma", default: 1.05070102214813232421875)
    }
    func apply(_ x: Float) -> Float { x > 0 ? gamma * x : gamma * (alpha * Foundation.exp(x) - alpha) }
    func derivative(x: Float, y: Float) -> Float { x > 0 ? gamma : gamma * alpha * Foundation.exp(x) }
}

struct ThresholdedReluFunction: UnaryFunction {
    static let opType = "ThresholdedRelu"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    let alpha: Float
    init(_ ctx: KernelContext) throws { alpha = try ctx.float("alpha", default: 1) }
    func apply(_ x: Float) -> Float { x > alpha ? x : 0 }
    func derivative(x: Float, y: Float) -> Float { x > alpha ? 1 : 0 }
}

struct HardSwishFunction: UnaryFunction {
    static let opType = "HardSwish"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { x * max(0, min(1, x / 6 + 0.5)) }
    func derivative(x: Float, y: Float) -> Float { x <= -3 ? 0 : (x >= 3 ? 1 : x / 3 + 0.5) }
}

struct MishFunction: UnaryFunction {
    static let opType = "Mish"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func softplus(_ x: Float) -> Float {
        x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
    }
    func apply(_ x: Float) -> Float { x * Foundation.tanh(softplus(x)) }
    func derivative(x: Float, y: Float) -> Float {
        let t = Foundation.tanh(softplus(x))
        return t + x * (1 - t * t) / (1 + Foundation.exp(-x))
    }
}

struct CeluFunction: UnaryFunction {
    static let opType = "Celu"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    let alpha: Float
    init(_ ctx: KernelContext) throws { alpha = try ctx.float("alpha", default: 1) }
    func apply(_ x: Float) -> Float { max(0, x) + min(0, alpha * (Foundation.exp(x / alpha) - 1)) }
    func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : Foundation.exp(x / alpha) }
}

struct ShrinkFunction: UnaryFunction {
    static let opType = "Shrink"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    let lambda: Float
    let bias: Float
    init(_ ctx: KernelContext) throws {
        lambda = try ctx.float("lambd", default: 0.5)
        bias = try ctx.float("bias", default: 0)
    }
    func apply(_ x: Float) -> Float { x < -lambda ? x + bias : (x > lambda ? x - bias : 0) }
    func derivative(x: Float, y: Float) -> Float { x < -lambda || x > lambda ? 1 : 0 }
}
