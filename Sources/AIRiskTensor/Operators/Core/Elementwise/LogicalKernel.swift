/// ONNX And, Or, Xor: broadcast boolean operators. Not differentiable.
struct LogicalKernel<L: LogicalOperator>: ForwardOnlyKernel, ContextKernel {
    static var opType: String { L.opType }
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (a, b, shape) = try ctx.broadcastOperands(inputs)
        guard let x = a.bools else { throw ctx.inputError(0, "must be a bool tensor, got \(a.elementTypeName)") }
        guard let y = b.bools else { throw ctx.inputError(1, "must be a bool tensor, got \(b.elementTypeName)") }
        let out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape, L.apply)
        return KernelOutput(outputs: [Tensor(shape: shape, storage: .bool(out))])
    }
}

protocol LogicalOperator: Sendable {
    static var opType: String { get }
    static func apply(_ a: Bool, _ b: Bool) -> Bool
}

enum AndOperator: LogicalOperator {
    static let opType = "And"
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a && b }
}

enum OrOperator: LogicalOperator {
    static let opType = "Or"
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a || b }
}

enum XorOperator: LogicalOperator {
    static let opType = "Xor"
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a != b }
}

/// ONNX IsNaN and IsInf (`detect_positive`, `detect_negative`): bool masks of float elements.
struct FloatClassKernel<C: FloatClassTest>: ForwardOnlyKernel, AttributedKernel {
    static var opType: String { C.opType }
    @NodeContext var ctx
    @Attribute("detect_positive") var positive: Bool = true
    @Attribute("detect_negative") var negative: Bool = true

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, v) = try ctx.floatInput(inputs, 0)
        let out = v.map { C.test($0, positive: positive, negative: negative) }
        return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .bool(out))])
    }
}

protocol FloatClassTest: Sendable {
    static var opType: String { get }
    static func test(_ x: Float, positive: Bool, negative: Bool) -> Bool
}

enum IsNaNTest: FloatClassTest {
    static let opType = "IsNaN"
    static func test(_ x: Float, positive: Bool, negative: Bool) -> Bool { x.isNaN }
}

enum IsInfTest: FloatClassTest {
    static let opType = "IsInf"
    static func test(_ x: Float, positive: Bool, negative: Bool) -> Bool {
        x.isInfinite && ((x > 0 && positive) || (x < 0 && negative))
    }
}
