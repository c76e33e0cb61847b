/// ONNX Equal, Less, LessOrEqual, Greater, GreaterOrEqual: broadcast comparisons giving bools.
/// Not differentiable (the output is boolean).
struct ComparisonKernel<C: ComparisonOperator>: Kernel {
    static var opType: String { C.opType }
    static var isDifferentiable: Bool { false }
    let ctx: KernelContext

    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let a = try ctx.input(inputs, 0)
        let b = try ctx.input(inputs, 1)
        let shape = try ctx.broadcastShape(a.shape, b.shape)
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

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        [nil, nil]
    }
}

enum ComparisonKind: Sendable { case equal, less, lessOrEqual, greater, greaterOrEqual }

protocol ComparisonOperator: Sendable {
    static var opType: String { get }
    static var kind: ComparisonKind { get }
}

enum EqualComparison: ComparisonOperator {
    static let opType = "Equal"
    static let kind = ComparisonKind.equal
}

enum LessComparison: ComparisonOperator {
    static let opType = "Less"
    static let kind = ComparisonKind.less
}

enum LessOrEqualComparison: ComparisonOperator {
    static let opType = "LessOrEqual"
    static let kind = ComparisonKind.lessOrEqual
}

enum GreaterComparison: ComparisonOperator {
    static let opType = "Greater"
    static let kind = ComparisonKind.greater
}

enum GreaterOrEqualComparison: ComparisonOperator {
    static let opType = "GreaterOrEqual"
    static let kind = ComparisonKind.greaterOrEqual
}
