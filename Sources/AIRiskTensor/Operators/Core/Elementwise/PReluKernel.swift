/// ONNX PRelu: x where x ≥ 0, slope · x elsewhere, the slope broadcast to X. Differentiable with
/// respect to X and the slope.
struct PReluKernel: ContextKernel {
    static let opType = "PRelu"
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let (s, sv) = try ctx.floatInput(inputs, 1)
        let shape = try ctx.broadcastShape(x.shape, s.shape)
        let y = Broadcast.binary(xv, x.shape, sv, s.shape, outShape: shape) { $0 >= 0 ? $0 : $0 * $1 }
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let (s, sv) = try ctx.floatInput(inputs, 1)
        let shape = g.shape
        let xe = Broadcast.expand(xv, from: x.shape, to: shape)
        let se = Broadcast.expand(sv, from: s.shape, to: shape)
        var dx = gv
        var ds = [Float](repeating: 0, count: gv.count)
        for i in gv.indices where xe[i] < 0 {
            dx[i] = gv[i] * se[i]
            ds[i] = gv[i] * xe[i]
        }
        return [
            Tensor(shape: x.shape, scalars: Broadcast.reduce(dx, from: shape, to: x.shape)),
            Tensor(shape: s.shape, scalars: Broadcast.reduce(ds, from: shape, to: s.shape)),
        ]
    }
}
