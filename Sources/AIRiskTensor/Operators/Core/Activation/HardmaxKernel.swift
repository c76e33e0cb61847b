/// ONNX Hardmax: 1 at the first maximum of each slice, 0 elsewhere. From opset 13 the slice is
/// along `axis` (default −1); before, the input is viewed as 2-D at `axis` (default 1) and each row
/// is one slice. Not differentiable.
struct HardmaxKernel: ForwardOnlyKernel {
    static let opType = "Hardmax"
    let ctx: KernelContext
    let axis: Int
    let coerced: Bool

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        coerced = opset < 13
        axis = try ctx.int("axis", default: coerced ? 1 : -1)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, v) = try ctx.floatInput(inputs, 0)
        let a = x.rank == 0 ? 0 : try ctx.axis(axis, rank: x.rank)
        let n = coerced ? Shape.product(x.shape, a..<x.rank) : (x.rank == 0 ? 1 : x.shape[a])
        let inner = coerced ? 1 : Shape.product(x.shape, (a + 1)..<x.rank)
        let outer = n == 0 || inner == 0 ? 0 : x.count / (n * inner)
        var y = [Float](repeating: 0, count: x.count)
        for o in 0..<outer {
            for i in 0..<inner {
                var best = 0
                for j in 1..<max(n, 1) where v[(o * n + j) * inner + i] > v[(o * n + best) * inner + i] { best = j }
                if n > 0 { y[(o * n + best) * inner + i] = 1 }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: x.shape, scalars: y)])
    }
}
