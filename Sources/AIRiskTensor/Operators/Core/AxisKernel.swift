/// A kernel whose one attribute is `axis`, with an operator's own default (Gather, GatherElements,
/// Flatten, OneHot). `init(node:opset:)` reads it here, so the kernel declares only its context, its
/// default and the stored axis.
protocol AxisKernel: Kernel {
    /// The axis when the node does not set one.
    static var defaultAxis: Int { get }
    init(ctx: KernelContext, axis: Int)
}

extension AxisKernel {
    init(node: Node, opset: Int) throws {
        let ctx = KernelContext(node)
        self.init(ctx: ctx, axis: try ctx.int("axis", default: Self.defaultAxis))
    }
}
