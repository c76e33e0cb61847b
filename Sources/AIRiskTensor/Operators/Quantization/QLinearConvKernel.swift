/// ONNX QLinearConv (opset 10): a convolution of quantized input and weights, requantized:
/// `y = saturate(round(((x − x_zp) ⊛ (w − w_zp) + B) · x_scale · w_scale / y_scale) + y_zp)`, rounding half to
/// even, with Conv's attributes, `w_scale` / `w_zero_point` per tensor or per output channel, in the type of
/// `y_zero_point` (recorded by the ONNX lowering as `output_dtype`). Not differentiable.
struct QLinearConvKernel: RequantizingKernel {
    static let opType = "QLinearConv"
    let integer: ConvIntegerKernel
    let output: Requantization

    func forward(_ inputs: [Tensor?], rounding round: Requantization.Rounding) throws -> KernelOutput {
        let xScale = try ctx.floats(try ctx.input(inputs, 1), input: 1)
        let wScale = try ctx.floats(try ctx.input(inputs, 4), input: 4)
        let yScale = try ctx.floats(try ctx.input(inputs, 6), input: 6)
        let yZero = try IntegerMatMul.integers(try ctx.input(inputs, 7), ctx: ctx, input: 7)
        guard xScale.count == 1, yScale.count == 1, yZero.count == 1 else {
            throw ctx.fail("x_scale, y_scale and y_zero_point must be one value each (per tensor)")
        }
        let (shape, acc) = try integer.accumulate(
            x: try ctx.input(inputs, 0), w: try ctx.input(inputs, 3), xZero: try ctx.input(inputs, 2),
            wZero: try ctx.input(inputs, 5), inputs: (0, 3, 2, 5))
        let m = shape.count > 1 ? shape[1] : 1
        guard wScale.count == 1 || wScale.count == m else {
            throw ctx.inputError(4, "must hold 1 or \(m) values (one per output channel), got \(wScale.count)")
        }
        let bias = try ctx.optionalInput(inputs, 8).map { try IntegerMatMul.integers($0, ctx: ctx, input: 8) }
        if let bias, bias.count != m { throw ctx.inputError(8, "must hold \(m) values, got \(bias.count)") }
        let plane = shape.dropFirst(2).reduce(1, *)
        let y = acc.indices.map { i -> Int64 in
            let channel = (i / Swift.max(plane, 1)) % Swift.max(m, 1)
            let scale = Double(xScale[0]) * Double(wScale[wScale.count == 1 ? 0 : channel]) / Double(yScale[0])
            return round(Double(acc[i] &+ (bias?[channel] ?? 0)) * scale, yZero[0])
        }
        return KernelOutput(outputs: [Tensor(shape: shape, int64: y)])
    }
}
