import Foundation

struct NegFunction: PlainUnaryFunction {
    static let opType = "Neg"
    func apply(_ x: Float) -> Float { -x }
    func derivative(x: Float, y: Float) -> Float { -1 }
    func apply(int x: Int64) -> Int64? { 0 &- x }
}

struct ExpFunction: PlainUnaryFunction {
    static let opType = "Exp"
    func apply(_ x: Float) -> Float { Foundation.exp(x) }
    func derivative(x: Float, y: Float) -> Float { y }
}

struct LogFunction: PlainUnaryFunction {
    static let opType = "Log"
    func apply(_ x: Float) -> Float { Foundation.log(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / x }
}

struct SqrtFunction: PlainUnaryFunction {
    static let opType = "Sqrt"
    func apply(_ x: Float) -> Float { x.squareRoot() }
    func derivative(x: Float, y: Float) -> Float { 0.5 / y }
}

struct ReluFunction: PlainUnaryFunction {
    static let opType = "Relu"
    func apply(_ x: Float) -> Float { x > 0 ? x : 0 }
    func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : 0 }
    func apply(int x: Int64) -> Int64? { max(x, 0) }
}

struct LeakyReluFunction: UnaryFunction {
    static let opType = "LeakyRelu"
    let alpha: Float
    init(_ ctx: KernelContext) throws { alpha = try ctx.float("alpha", default: 0.01) }
    func apply(_ x: Float) -> Float { x >= 0 ? x : alpha * x }
    func derivative(x: Float, y: Float) -> Float { x >= 0 ? 1 : alpha }
}

struct EluFunction: UnaryFunction {
    static let opType = "Elu"
    let alpha: Float
    init(_ ctx: KernelContext) throws { alpha = try ctx.float("alpha", default: 1) }
    func apply(_ x: Float) -> Float { x >= 0 ? x : alpha * (Foundation.exp(x) - 1) }
    func derivative(x: Float, y: Float) -> Float { x >= 0 ? 1 : y + alpha }
}

struct SigmoidFunction: PlainUnaryFunction {
    static let opType = "Sigmoid"
    func apply(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }
    func derivative(x: Float, y: Float) -> Float { y * (1 - y) }
}

struct TanhFunction: PlainUnaryFunction {
    static let opType = "Tanh"
    func apply(_ x: Float) -> Float { Foundation.tanh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 - y * y }
}

struct AbsFunction: PlainUnaryFunction {
    static let opType = "Abs"
    func apply(_ x: Float) -> Float { abs(x) }
    func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
    func apply(int x: Int64) -> Int64? { x == .min ? .min : abs(x) }
}

struct ReciprocalFunction: PlainUnaryFunction {
    static let opType = "Reciprocal"
    func apply(_ x: Float) -> Float { 1 / x }
    func derivative(x: Float, y: Float) -> Float { -y * y }
}
