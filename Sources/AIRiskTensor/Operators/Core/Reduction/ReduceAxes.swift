/// The axes arguments every ONNX Reduce* operator shares: `axes` from the attribute or, from `axesInputOpset`,
/// the second input; `keepdims` (default 1) and `noop_with_empty_axes` (default 0).
struct ReduceAxes: Sendable {
    let keepDims: Bool
    let noopWithEmptyAxes: Bool
    let axesAttribute: [Int]?
    let axesFromInput: Bool

    init(_ ctx: KernelContext, opset: Int, axesInputOpset: Int) throws {
        keepDims = try ctx.flag("keepdims", default: true)
        noopWithEmptyAxes = try ctx.flag("noop_with_empty_axes")
        axesFromInput = opset >= axesInputOpset
        axesAttribute = axesFromInput ? nil : try ctx.ints("axes")
    }

    /// The normalised reduced axes, or nil for the no-op case.
    func axes(_ ctx: KernelContext, _ inputs: [Tensor?], rank: Int) throws -> Set<Int>? {
        let given = axesFromInput ? try ctx.optionalIntValues(inputs, 1) : axesAttribute
        if let given, !given.isEmpty {
            var set = Set<Int>()
            for a in given { set.insert(try ctx.axis(a, rank: rank)) }
            return set
        }
        if noopWithEmptyAxes { return nil }
        return Set(0..<rank)
    }

    /// The output shape and the input shape with the reduced axes kept as 1.
    func shapes(_ shape: [Int], _ axes: Set<Int>) -> (out: [Int], kept: [Int]) {
        let kept = shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
        let out = keepDims ? kept : shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
        return (out, kept)
    }
}

/// What a Reduce* kernel's axes depend on: its operator and the opset from which `axes` is an input.
protocol ReduceOperator: Sendable {
    static var opType: String { get }
    /// The first opset in which `axes` is the second input rather than an attribute.
    static var axesInputOpset: Int { get }
}

/// ReduceSum, ReduceMean and the folding reductions: kernels built from the node's context and its
/// ``ReduceAxes``, named by their ``ReduceOperator``.
protocol ReduceAxesKernel: Kernel {
    associatedtype Operator: ReduceOperator
    init(ctx: KernelContext, reduce: ReduceAxes)
}

extension ReduceAxesKernel {
    static var opType: String { Operator.opType }

    init(node: Node, opset: Int) throws {
        let ctx = KernelContext(node)
        self.init(ctx: ctx, reduce: try ReduceAxes(ctx, opset: opset, axesInputOpset: Operator.axesInputOpset))
    }
}
