/// Element-wise work after a product that the inference plan folds into the product's own kernel: the product's
/// output is written once, with the work already done, instead of being read and written again by an Add and a Relu
/// (each of which allocates a new tensor). See ``Executor/fuse(_:keep:)``.
enum PostOp: Hashable, Sendable {
    /// `y + addend`, the addend a tensor of exactly y's shape (a residual connection).
    case add
    /// `max(y, 0)`, as ONNX Relu computes it (`y > 0 ? y : 0`).
    case relu

    /// Applies `ops` in order to `count` values at `y`; `addend` holds the `.add` operand.
    static func apply(_ ops: [PostOp], to y: UnsafeMutablePointer<Float>, count: Int, addend: UnsafePointer<Float>?) {
        for op in ops {
            switch op {
            case .add:
                guard let addend else { continue }
                for i in 0..<count { y[i] += addend[i] }
            case .relu:
                for i in 0..<count { y[i] = y[i] > 0 ? y[i] : 0 }
            }
        }
    }
}

/// A kernel that can apply ``PostOp``s to its output as part of computing it.
protocol PostOpFusible: Kernel {
    /// Whether the kernel takes `op` after the post-ops it already has (the executor stops a chain there).
    static func fuses(_ op: PostOp) -> Bool

    /// The kernel's forward pass (its own `inputs`) followed by `ops`; `addend` is the `.add` operand, already
    /// checked to be float32, and `layout` says which values are channels-last. Nil when this call cannot fuse,
    /// among others when the addend's shape is not the output's (the caller then runs the kernels one after
    /// another).
    func forward(_ inputs: [Tensor?], then ops: [PostOp], addend: Tensor?, layout: ChannelsLast) throws -> Tensor?
}
