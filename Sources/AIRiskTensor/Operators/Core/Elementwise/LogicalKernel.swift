/// ONNX And, Or, Xor: broadcast boolean operators. Not differentiable.
struct LogicalKernel<L: LogicalOperator>: Kernel {
    static var opType: String { L.opType }
    static var isDifferentiable: Bool { false }
    let ctx: KernelContext

    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let a = try ctx.input(inputs, 0)
        let b = try ctx.input(inputs, 1)
        guard let x = a.bools else { throw ctx.inputError(0, "must be a bool tensor, got \(a.elementTypeName)") }
        guard let y = b.bools else { throw ctx.inputError(1, "must be a bool tensor, got \(b.elementTypeName)") }
        let shape = try ctx.broadcastShape(a.shape, b.shape)
        let out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape, L.apply)
        return KernelOutput(outputs: [Tensor(shape: shape, storage: .bool(out))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        [nil, nil]
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
struct FloatClassKernel<C: FloatClassTest>: Kernel {
    static var opType: String { C.opType }
    static var isDifferentiable: Bool { false }
    let ctx: KernelContext
    let positive: Bool
    let negative: Bool

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        positive = try ctx.int("detect_positive", default: 1) != 0
        negative = try ctx.int("detect_negative", default: 1) != 0
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, v) = try ctx.floatInput(inputs, 0)
        let out = v.map { C.test($0, positive: positive, negative: negative) }
        return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .bool(out))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        [nil]
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
