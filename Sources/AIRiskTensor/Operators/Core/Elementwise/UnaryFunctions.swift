import Foundation

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

struct AbsFunction: UnaryFunction {
    static let opType = "Abs"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { abs(x) }
    func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
    func apply(int x: Int64) -> Int64? { x == .min ? .min : abs(x) }
}

struct ReciprocalFunction: UnaryFunction {
    static let opType = "Reciprocal"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { 1 / x }
    func derivative(x: Float, y: Float) -> Float { -y * y }
}
