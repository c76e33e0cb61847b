/// ONNX Equal, Less, LessOrEqual, Greater, GreaterOrEqual: broadcast comparisons giving bools.
/// Not differentiable (the output is boolean).
struct ComparisonKernel<C: ComparisonOperator>: ForwardOnlyKernel, ContextKernel {
    static var opType: String { C.opType }
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (a, b, shape) = try ctx.broadcastOperands(inputs)
        try ctx.checkOutput(shape, .bool)
        let out: [Bool]
        if let (x, y) = Tensor.doubleOperands(a, b) {
            out = compare(x, a.shape, y, b.shape, shape)
        } else {
            out = try compareOther(a, b, shape)
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: .bool(out))])
    }

    func compareOther(_ a: Tensor, _ b: Tensor, _ shape: [Int]) throws -> [Bool] {
        let out: [Bool]
        switch (a.storage, b.storage) {
        case (.float(let x), .float(let y)): out = compare(x, a.shape, y, b.shape, shape)
        case (.int64(let x), .int64(let y)): out = compare(x, a.shape, y, b.shape, shape)
        case (.string(let x), .string(let y)): out = compare(x, a.shape, y, b.shape, shape)
        case (.bool(let x), .bool(let y)) where C.kind == .equal:
            out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape, ==)
        default:
            throw ctx.fail("cannot compare \(a.elementTypeName) with \(b.elementTypeName)")
        }
        return out
    }

    func compare<T: Comparable>(_ x: [T], _ xs: [Int], _ y: [T], _ ys: [Int], _ shape: [Int]) -> [Bool] {
        switch C.kind {
        case .equal: Broadcast.binary(x, xs, y, ys, outShape: shape, ==)
        case .less: Broadcast.binary(x, xs, y, ys, outShape: shape, <)
        case .lessOrEqual: Broadcast.binary(x, xs, y, ys, outShape: shape, <=)
        case .greater: Broadcast.binary(x, xs, y, ys, outShape: shape, >)
        case .greaterOrEqual: Broadcast.binary(x, xs, y, ys, outShape: shape, >=)
        }
    }
}

/// A comparison; the raw value is its ONNX operator type.
enum ComparisonKind: String, Sendable {
    case equal = "Equal", less = "Less", lessOrEqual = "LessOrEqual", greater = "Greater"
    case greaterOrEqual = "GreaterOrEqual"
}

protocol ComparisonOperator: Sendable {
    static var kind: ComparisonKind { get }
}

extension ComparisonOperator {
    static var opType: String { kind.rawValue }
}

enum EqualComparison: ComparisonOperator { static let kind = ComparisonKind.equal }
enum LessComparison: ComparisonOperator { static let kind = ComparisonKind.less }
enum LessOrEqualComparison: ComparisonOperator { static let kind = ComparisonKind.lessOrEqual }
enum GreaterComparison: ComparisonOperator { static let kind = ComparisonKind.greater }
enum GreaterOrEqualComparison: ComparisonOperator { static let kind = ComparisonKind.greaterOrEqual }
