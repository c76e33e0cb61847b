/// The `axis` of Softmax, LogSoftmax and Hardmax. Before opset 13 the input is viewed as 2-D at `axis`
/// (default 1) and each row is one slice; from opset 13 a slice runs along the single `axis` (default −1).
struct SoftmaxAxis: Sendable {
    let axis: Int
    let coerce2D: Bool

    init(_ ctx: KernelContext, opset: Int) throws {
        coerce2D = opset < 13
        axis = try ctx.int("axis", default: coerce2D ? 1 : -1)
    }

    /// (outer, length of a slice, inner stride) for an input of `shape`.
    func layout(_ shape: [Int], _ ctx: KernelContext) throws -> (outer: Int, len: Int, inner: Int) {
        if shape.isEmpty { return (1, 1, 1) }
        let a = try ctx.axis(axis, rank: shape.count)
        if coerce2D {
            return (Shape.product(shape, 0..<a), Shape.product(shape, a..<shape.count), 1)
        }
        return (Shape.product(shape, 0..<a), shape[a], Shape.product(shape, (a + 1)..<shape.count))
    }
}

/// Softmax, LogSoftmax and Hardmax: kernels built from the node's context and its ``SoftmaxAxis``.
protocol SoftmaxAxisKernel: Kernel {
    init(ctx: KernelContext, slices: SoftmaxAxis)
}

extension SoftmaxAxisKernel {
    init(node: Node, opset: Int) throws {
        let ctx = KernelContext(node)
        self.init(ctx: ctx, slices: try SoftmaxAxis(ctx, opset: opset))
    }
}
