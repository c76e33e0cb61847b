import Foundation

/// One elementwise arithmetic operator with broadcasting: its scalar functions and its gradients.
protocol BinaryArithmetic: Sendable {
    static var opType: String { get }
    static func apply(_ a: Float, _ b: Float) -> Float
    static func apply(_ a: Int64, _ b: Int64) -> Int64
    /// Gradients for A and B, given the output gradient, both operands and the output, all
    /// expanded to the output's shape.
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float)
    /// The broadcast loops, implemented by each operator as `broadcastFloats(Self.self, …)` /
    /// `broadcastInts(Self.self, …)` so they are specialised for it (kernels are called through
    /// existentials, where a generic loop would call `apply` indirectly per element).
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float]
    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64]
    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float])
}

@inline(__always)
func broadcastFloats<Op: BinaryArithmetic>(
    _ op: Op.Type, _ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]
) -> [Float] {
    Broadcast.binary(a, aShape, b, bShape, outShape: shape) { Op.apply($0, $1) }
}

@inline(__always)
func broadcastInts<Op: BinaryArithmetic>(
    _ op: Op.Type, _ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]
) -> [Int64] {
    Broadcast.binary(a, aShape, b, bShape, outShape: shape) { Op.apply($0, $1) }
}

@inline(__always)
func elementGradients<Op: BinaryArithmetic>(
    _ op: Op.Type, _ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]
) -> ([Float], [Float]) {
    let n = g.count
    var ga = [Float](repeating: 0, count: n)
    var gb = [Float](repeating: 0, count: n)
    for i in 0..<n {
        let (p, q) = Op.gradients(g: g[i], a: a[i], b: b[i], y: y[i])
        ga[i] = p
        gb[i] = q
    }
    return (ga, gb)
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
            let out = Op.floats(x, a.shape, y, b.shape, shape)
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .float(out))])
        case (.int64(let x), .int64(let y)):
            let out = Op.ints(x, a.shape, y, b.shape, shape)
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(out))])
        case (.float(let x), .int64) where Op.opType == "Pow":
            let out = Op.floats(x, a.shape, try b.asFloats(), b.shape, shape)
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
        guard ax.count == gv.count, bx.count == gv.count, yv.count == gv.count else { return [nil, nil] }
        let (ga, gb) = Op.gradientArrays(gv, ax, bx, yv)
        let da = Tensor(shape: a.shape, storage: .float(Broadcast.reduce(ga, from: shape, to: a.shape)))
        let db: Tensor? =
            b.elementKind == .float
            ? Tensor(shape: b.shape, storage: .float(Broadcast.reduce(gb, from: shape, to: b.shape))) : nil
        return [da, db]
    }
}

enum AddOp: BinaryArithmetic {
    static let opType = "Add"
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float] {
        broadcastFloats(Self.self, a, aShape, b, bShape, shape)
    }
    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64] {
        broadcastInts(Self.self, a, aShape, b, bShape, shape)
    }
    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float]) {
        elementGradients(Self.self, g, a, b, y)
    }
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g, g) }
}

enum SubOp: BinaryArithmetic {
    static let opType = "Sub"
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float] {
        broadcastFloats(Self.self, a, aShape, b, bShape, shape)
    }
    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64] {
        broadcastInts(Self.self, a, aShape, b, bShape, shape)
    }
    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float]) {
        elementGradients(Self.self, g, a, b, y)
    }
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g, -g) }
}

enum MulOp: BinaryArithmetic {
    static let opType = "Mul"
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float] {
        broadcastFloats(Self.self, a, aShape, b, bShape, shape)
    }
    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64] {
        broadcastInts(Self.self, a, aShape, b, bShape, shape)
    }
    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float]) {
        elementGradients(Self.self, g, a, b, y)
    }
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g * b, g * a) }
}

enum DivOp: BinaryArithmetic {
    static let opType = "Div"
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float] {
        broadcastFloats(Self.self, a, aShape, b, bShape, shape)
    }
    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64] {
        broadcastInts(Self.self, a, aShape, b, bShape, shape)
    }
    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float]) {
        elementGradients(Self.self, g, a, b, y)
    }
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
    /// Integer division truncates toward zero, as in C; division by zero gives 0 instead of trapping.
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        b == 0 ? 0 : a.dividedReportingOverflow(by: b).partialValue
    }
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float) { (g / b, -g * a / (b * b)) }
}

enum PowOp: BinaryArithmetic {
    static let opType = "Pow"
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float] {
        broadcastFloats(Self.self, a, aShape, b, bShape, shape)
    }
    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64] {
        broadcastInts(Self.self, a, aShape, b, bShape, shape)
    }
    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float]) {
        elementGradients(Self.self, g, a, b, y)
    }
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
