import Foundation

/// ONNX ReduceMax, ReduceMin, ReduceProd, ReduceL1, ReduceL2, ReduceLogSum and ReduceLogSumExp:
/// axes from the attribute or, from opset 18, the second input; `keepdims` (default 1) and
/// `noop_with_empty_axes`. Float inputs accumulate in Double; integer inputs stay exact for Max,
/// Min, Prod and L1. Reducing an empty axis gives the operation's identity (−∞ for Max, 1 for Prod,
/// …). Not differentiable.
struct FoldReduceKernel<F: ReduceFold>: ForwardOnlyKernel, ReduceAxesKernel {
    typealias Operator = F
    let ctx: KernelContext
    let reduce: ReduceAxes

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        guard let axes = try reduce.axes(ctx, inputs, rank: x.rank) else { return KernelOutput(outputs: [x]) }
        let (out, kept) = reduce.shapes(x.shape, axes)
        let targets = IndexMap.strided(
            shape: x.shape, base: 0, strides: Broadcast.alignedStrides(kept, to: x.shape))
        let n = Shape.count(kept)
        switch x.storage {
        case .float(let v):
            var acc = [Double](repeating: F.identity, count: n)
            for (i, j) in targets.enumerated() { acc[j] = F.fold(acc[j], Double(v[i])) }
            return KernelOutput(outputs: [Tensor(shape: out, scalars: acc.map { Float(F.finish($0)) })])
        case .int64(let v):
            if let exact = F.foldInt {
                var acc = [Int64](repeating: F.intIdentity, count: n)
                for (i, j) in targets.enumerated() { acc[j] = exact(acc[j], v[i]) }
                return KernelOutput(outputs: [Tensor(shape: out, storage: .int64(acc))])
            }
            var acc = [Double](repeating: F.identity, count: n)
            for (i, j) in targets.enumerated() { acc[j] = F.fold(acc[j], Double(v[i])) }
            return KernelOutput(outputs: [
                Tensor(shape: out, storage: .int64(acc.map { Tensor.truncatingInt64(Float(F.finish($0))) }))
            ])
        default:
            throw ctx.inputError(0, "must be a numeric tensor, got \(x.elementTypeName)")
        }
    }

}

protocol ReduceFold: ReduceOperator {
    static var identity: Double { get }
    static func fold(_ acc: Double, _ x: Double) -> Double
    static func finish(_ acc: Double) -> Double
    static var intIdentity: Int64 { get }
    static var foldInt: (@Sendable (Int64, Int64) -> Int64)? { get }
}

extension ReduceFold {
    /// Every folding reduction takes `axes` as an input from opset 18.
    static var axesInputOpset: Int { 18 }
    static func finish(_ acc: Double) -> Double { acc }
    static var intIdentity: Int64 { 0 }
    static var foldInt: (@Sendable (Int64, Int64) -> Int64)? { nil }
}

enum MaxFold: ReduceFold {
    static let opType = "ReduceMax"
    static let identity = -Double.infinity
    static func fold(_ acc: Double, _ x: Double) -> Double { acc.isNaN || x.isNaN ? .nan : max(acc, x) }
    static var intIdentity: Int64 { .min }
    static var foldInt: (@Sendable (Int64, Int64) -> Int64)? { { max($0, $1) } }
}

enum MinFold: ReduceFold {
    static let opType = "ReduceMin"
    static let identity = Double.infinity
    static func fold(_ acc: Double, _ x: Double) -> Double { acc.isNaN || x.isNaN ? .nan : min(acc, x) }
    static var intIdentity: Int64 { .max }
    static var foldInt: (@Sendable (Int64, Int64) -> Int64)? { { min($0, $1) } }
}

enum ProdFold: ReduceFold {
    static let opType = "ReduceProd"
    static let identity = 1.0
    static func fold(_ acc: Double, _ x: Double) -> Double { acc * x }
    static var intIdentity: Int64 { 1 }
    static var foldInt: (@Sendable (Int64, Int64) -> Int64)? { { $0 &* $1 } }
}

enum L1Fold: ReduceFold {
    static let opType = "ReduceL1"
    static let identity = 0.0
    static func fold(_ acc: Double, _ x: Double) -> Double { acc + abs(x) }
    static var foldInt: (@Sendable (Int64, Int64) -> Int64)? { { $0 &+ ($1 == .min ? .min : abs($1)) } }
}

enum L2Fold: ReduceFold {
    static let opType = "ReduceL2"
    static let identity = 0.0
    static func fold(_ acc: Double, _ x: Double) -> Double { acc + x * x }
    static func finish(_ acc: Double) -> Double { acc.squareRoot() }
}

enum LogSumFold: ReduceFold {
    static let opType = "ReduceLogSum"
    static let identity = 0.0
    static func fold(_ acc: Double, _ x: Double) -> Double { acc + x }
    static func finish(_ acc: Double) -> Double { Foundation.log(acc) }
}

/// Accumulates Σ exp(x) in a running, overflow-safe form would need two passes; Double's range
/// covers float32 inputs (exp(88.7) ≈ 3.4e38 ≪ 1.8e308), so a single pass is exact enough.
enum LogSumExpFold: ReduceFold {
    static let opType = "ReduceLogSumExp"
    static let identity = 0.0
    static func fold(_ acc: Double, _ x: Double) -> Double { acc + Foundation.exp(x) }
    static func finish(_ acc: Double) -> Double { Foundation.log(acc) }
}
