import Foundation

/// One elementwise arithmetic operator with broadcasting: its scalar functions and its gradients.
protocol BinaryArithmetic: Sendable {
    static var opType: String { get }
    static func apply(_ a: Float, _ b: Float) -> Float
    static func apply(_ a: Int64, _ b: Int64) -> Int64
    /// Gradients for A and B, given the output gradient, both operands and the output, all
    /// expanded to the output's shape.
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float)
}

/// Add, Sub, Mul, Div and Pow on float and int64 tensors with numpy-style broadcasting.
struct BinaryKernel<Op: BinaryArithmetic>: Kernel {
    static var opType: String { Op.opType }
    let ctx: KernelContext

    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let a = try ctx.input(inputs, 0)
        let b = try ctx.input(inputs, 1)
        let shape = try ctx.broadcastShape(a.shape, b.shape)
        switch (a.storage, b.storage) {
        case (.float(let x), .float(let y)):
            let out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape) { Op.apply($0, $1) }
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .float(out))])
        case (.int64(let x), .int64(let y)):
            let out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape) { Op.apply($0, $1) }
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(out))])
        case (.float(let x), .int64) where Op.opType == "Pow":
            let y = try b.asFloats()
            let out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape) { Op.apply($0, $1) }
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .float(out))])
        case (.int64(let x), .float(let y)) where Op.opType == "Pow":
            let out = Broadcast.binary(x.map { Double($0) }, a.shape, y.map { Double($0) }, b.shape, outShape: shape) {
                Tensor.truncatingInt64(Float(Foundation.pow($0, $1)))
            }
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(out))])
        default:
            throw ctx.fail("operands must both be float or both be int64, got \(a.elementTypeName) and \(b.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        let (a, av) = try ctx.floatInput(inputs, 0)
        let b = try ctx.input(inputs, 1)
        let bv = try b.asFloats()
        guard let yv = forward.outputs.first?.floats else { return [nil, nil] }
        let shape = g.shape
        let ax = Broadcast.expand(av, from: a.shape, to: shape)
        let bx = Broadcast.expand(bv, from: b.shape, to: shape)
        let n = gv.count
        var ga = [Float](repeating: 0, count: n)
        var gb = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let (p, q) = Op.gradients(g: gv[i], a: ax[i], b: bx[i], y: yv[i])
            ga[i] = p
            gb[i] = q
        }
        let da = Tensor(shape: a.shape, storage: .float(Broadcast.reduce(ga, from: shape, to: a.shape)))
        let db: Tensor? =
            b.elementKind == .float
            ? Tensor(shape: b.shape, storage: .float(Broadcast.reduce(gb, from: shape, to: b.shape))) : nil
        return [da, db]
    }
}

enum AddOp: BinaryArithmetic {
    static let opType = "Add"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g, g) }
}

enum SubOp: BinaryArithmetic {
    static let opType = "Sub"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g, -g) }
}

enum MulOp: BinaryArithmetic {
    static let opType = "Mul"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g * b, g * a) }
}

enum DivOp: BinaryArithmetic {
    static let opType = "Div"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
    /// Integer division truncates toward zero, as in C; division by zero gives 0 instead of trapping.
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        b == 0 ? 0 : a.dividedReportingOverflow(by: b).partialValue
    }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g / b, -g * a / (b * b)) }
}

enum PowOp: BinaryArithmetic {
    static let opType = "Pow"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { Foundation.pow(a, b) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        guard b >= 0 else { return a == 1 ? 1 : (a == -1 ? (b % 2 == 0 ? 1 : -1) : 0) }
        var result: Int64 = 1
        var base = a
        var e = b
        while e > 0 {
            if e & 1 == 1 { result = result &* base }
            base = base &* base
            e >>= 1
        }
        return result
    }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) {
        let da = b == 0 ? 0 : g * b * Foundation.pow(a, b - 1)
        let db = a > 0 ? g * y * Foundation.log(a) : 0
        return (da, db)
    }
}
