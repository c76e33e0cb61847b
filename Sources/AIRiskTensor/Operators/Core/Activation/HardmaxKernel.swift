/// ONNX Hardmax: 1 at the first maximum of each slice, 0 elsewhere. From opset 13 the slice is
/// along `axis` (default −1); before, the input is viewed as 2-D at `axis` (default 1) and each row
/// is one slice. Not differentiable.
struct HardmaxKernel: ForwardOnlyKernel, SoftmaxAxisKernel {
    static let opType = "Hardmax"
    let ctx: KernelContext
    let slices: SoftmaxAxis

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, v) = try ctx.floatInput(inputs, 0)
        let (outer, n, inner) = try slices.layout(x.shape, ctx)
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
