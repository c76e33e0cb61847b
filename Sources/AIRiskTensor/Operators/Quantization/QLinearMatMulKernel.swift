/// ONNX QLinearMatMul (opsets 10–21): the product of two quantized matrices, requantized:
/// `y = saturate(round((a − a_zp)(b − b_zp) · a_scale · b_scale / y_scale) + y_zp)`, rounding half to even, in
/// the type of `y_zero_point` (recorded by the ONNX lowering as `output_dtype`). Per-tensor scales only. Not
/// differentiable.
struct QLinearMatMulKernel: RequantizingKernel {
    static let opType = "QLinearMatMul"
    let integer: IntegerMatMul
    let output: Requantization

    func forward(_ inputs: [Tensor?], rounding round: Requantization.Rounding) throws -> KernelOutput {
        func scalar(_ index: Int) throws -> Float {
            let v = try ctx.floats(try ctx.input(inputs, index), input: index)
            guard v.count == 1 else { throw ctx.inputError(index, "must be one value (per-tensor scale)") }
            return v[0]
        }
        let (aScale, bScale, yScale) = (try scalar(1), try scalar(4), try scalar(6))
        let yZero = try IntegerMatMul.integers(try ctx.input(inputs, 7), ctx: ctx, input: 7)
        guard yZero.count == 1 else { throw ctx.inputError(7, "must be one value (per-tensor zero point)") }
        let (shape, values) = try integer.product(
            a: try ctx.input(inputs, 0), b: try ctx.input(inputs, 3), aZero: try ctx.input(inputs, 2),
            bZero: try ctx.input(inputs, 5), inputs: (0, 3, 2, 5))
        let factor = Double(aScale) * Double(bScale) / Double(yScale)
        let y = values.map { round(Double($0) * factor, yZero[0]) }
        return KernelOutput(outputs: [Tensor(shape: shape, int64: y)])
    }
}
