import Foundation

// Elementwise math operators beyond the activations networks need, for the converters and the ONNX
// node tests: rounding (derivative 0), trigonometric and hyperbolic functions, and the smooth
// activations (Softplus, Softsign, HardSigmoid, Selu, ThresholdedRelu, HardSwish, Mish, Celu).

/// A piecewise-constant function (rounding, sign): its derivative is 0 wherever it is defined.
protocol StepFunction: PlainUnaryFunction {}

extension StepFunction {
    func derivative(x: Float, y: Float) -> Float { 0 }
}

struct CeilFunction: StepFunction {
    static let opType = "Ceil"
    func apply(_ x: Float) -> Float { x.rounded(.up) }
}

struct FloorFunction: StepFunction {
    static let opType = "Floor"
    func apply(_ x: Float) -> Float { x.rounded(.down) }
}

/// Round half to even, as ONNX specifies.
struct RoundFunction: StepFunction {
    static let opType = "Round"
    func apply(_ x: Float) -> Float { x.rounded(.toNearestOrEven) }
}

struct SignFunction: StepFunction {
    static let opType = "Sign"
    func apply(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0)) }
    func apply(int x: Int64) -> Int64? { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}

struct SinFunction: PlainUnaryFunction {
    static let opType = "Sin"
    func apply(_ x: Float) -> Float { Foundation.sin(x) }
    func derivative(x: Float, y: Float) -> Float { Foundation.cos(x) }
}

struct CosFunction: PlainUnaryFunction {
    static let opType = "Cos"
    func apply(_ x: Float) -> Float { Foundation.cos(x) }
    func derivative(x: Float, y: Float) -> Float { -Foundation.sin(x) }
}

struct TanFunction: PlainUnaryFunction {
    static let opType = "Tan"
    func apply(_ x: Float) -> Float { Foundation.tan(x) }
    func derivative(x: Float, y: Float) -> Float { 1 + y * y }
}

struct AsinFunction: PlainUnaryFunction {
    static let opType = "Asin"
    func apply(_ x: Float) -> Float { Foundation.asin(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (1 - x * x).squareRoot() }
}

struct AcosFunction: PlainUnaryFunction {
    static let opType = "Acos"
    func apply(_ x: Float) -> Float { Foundation.acos(x) }
    func derivative(x: Float, y: Float) -> Float { -1 / (1 - x * x).squareRoot() }
}

struct AtanFunction: PlainUnaryFunction {
    static let opType = "Atan"
    func apply(_ x: Float) -> Float { Foundation.atan(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (1 + x * x) }
}

struct SinhFunction: PlainUnaryFunction {
    static let opType = "Sinh"
    func apply(_ x: Float) -> Float { Foundation.sinh(x) }
    func derivative(x: Float, y: Float) -> Float { Foundation.cosh(x) }
}

struct CoshFunction: PlainUnaryFunction {
    static let opType = "Cosh"
    func apply(_ x: Float) -> Float { Foundation.cosh(x) }
    func derivative(x: Float, y: Float) -> Float { Foundation.sinh(x) }
}

struct AsinhFunction: PlainUnaryFunction {
    static let opType = "Asinh"
    func apply(_ x: Float) -> Float { Foundation.asinh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (x * x + 1).squareRoot() }
}

struct AcoshFunction: PlainUnaryFunction {
    static let opType = "Acosh"
    func apply(_ x: Float) -> Float { Foundation.acosh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (x * x - 1).squareRoot() }
}

struct AtanhFunction: PlainUnaryFunction {
    static let opType = "Atanh"
    func apply(_ x: Float) -> Float { Foundation.atanh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / (1 - x * x) }
}

struct SoftplusFunction: PlainUnaryFunction {
    static let opType = "Softplus"
    func apply(_ x: Float) -> Float {
        x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
    }
    func derivative(x: Float, y: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }
}

struct SoftsignFunction: PlainUnaryFunction {
    static let opType = "Softsign"
    func apply(_ x: Float) -> Float { x / (1 + abs(x)) }
    func derivative(x: Float, y: Float) -> Float { 1 / ((1 + abs(x)) * (1 + abs(x))) }
}

struct HardSigmoidFunction: UnaryFunction {
    static let opType = "HardSigmoid"
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
    let alpha: Float
    init(_ ctx: KernelContext) throws { alpha = try ctx.float("alpha", default: 1) }
    func apply(_ x: Float) -> Float { x > alpha ? x : 0 }
    func derivative(x: Float, y: Float) -> Float { x > alpha ? 1 : 0 }
}

struct HardSwishFunction: PlainUnaryFunction {
    static let opType = "HardSwish"
    func apply(_ x: Float) -> Float { x * max(0, min(1, x / 6 + 0.5)) }
    func derivative(x: Float, y: Float) -> Float { x <= -3 ? 0 : (x >= 3 ? 1 : x / 3 + 0.5) }
}

struct MishFunction: PlainUnaryFunction {
    static let opType = "Mish"
    func softplus(_ x: Float) -> Float { SoftplusFunction().apply(x) }
    func apply(_ x: Float) -> Float { x * Foundation.tanh(softplus(x)) }
    func derivative(x: Float, y: Float) -> Float {
        let t = Foundation.tanh(softplus(x))
        return t + x * (1 - t * t) / (1 + Foundation.exp(-x))
    }
}

struct CeluFunction: UnaryFunction {
    static let opType = "Celu"
    let alpha: Float
    init(_ ctx: KernelContext) throws { alpha = try ctx.float("alpha", default: 1) }
    func apply(_ x: Float) -> Float { max(0, x) + min(0, alpha * (Foundation.exp(x / alpha) - 1)) }
    func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : Foundation.exp(x / alpha) }
}

struct ShrinkFunction: UnaryFunction {
    static let opType = "Shrink"
    let lambda: Float
    let bias: Float
    init(_ ctx: KernelContext) throws {
        lambda = try ctx.float("lambd", default: 0.5)
        bias = try ctx.float("bias", default: 0)
    }
    func apply(_ x: Float) -> Float { x < -lambda ? x + bias : (x > lambda ? x - bias : 0) }
    func derivative(x: Float, y: Float) -> Float { x < -lambda || x > lambda ? 1 : 0 }
}
