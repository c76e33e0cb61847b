/// ONNX DequantizeLinear (opsets 10–21): `y = (x - zero_point) * scale`, per tensor or per slice along `axis`.
/// Not differentiable (integer input).
struct DequantizeLinearKernel: ForwardOnlyKernel {
    static let opType = "DequantizeLinear"
    let ctx: KernelContext
    let axis: Int

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        axis = try QuantizationParameters.axis(ctx)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let xs: [Float]
        switch x.storage {
        case .int64(let v): xs = v.map { Float($0) }
        case .float(let v): xs = v
        default: throw ctx.inputError(0, "must be an integer tensor, got \(x.elementTypeName)")
        }
        let p = try QuantizationParameters(
            ctx: ctx, x: x, scale: try ctx.input(inputs, 1), zeroPoint: ctx.optionalInput(inputs, 2), axis: axis)
        var y = [Float](repeating: 0, count: xs.count)
        for i in xs.indices {
            let c = p.channel(i)
            y[i] = (xs[i] - Float(p.zeroPoint?[c] ?? 0)) * p.scale[c]
        }
        return KernelOutput(outputs: [Tensor(shape: x.shape, scalars: y)])
    }
}
