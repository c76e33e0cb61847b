/// ONNX ConvInteger (opset 10): the int32 convolution of 8-bit integer input and weights after subtracting their
/// zero points (`x_zero_point` scalar; `w_zero_point` scalar or one per output channel), with Conv's attributes.
/// Runs the float convolution on the shifted values, exact because every partial sum stays below 2^24 (checked;
/// larger products are refused). Not differentiable.
struct ConvIntegerKernel: ForwardOnlyKernel, IntegerAccumulation {
    static let opType = "ConvInteger"
    let ctx: KernelContext
    let conv: ConvKernel

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        conv = try ConvKernel(node: node, opset: opset)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (shape, values) = try accumulate(
            x: try ctx.input(inputs, 0), w: try ctx.input(inputs, 1), xZero: ctx.optionalInput(inputs, 2),
            wZero: ctx.optionalInput(inputs, 3), inputs: (0, 1, 2, 3))
        return KernelOutput(outputs: [Tensor(shape: shape, int64: values)])
    }

    /// The exact integer convolution `(x − x_zero_point) ⊛ (w − w_zero_point)`, shared with QLinearConv.
    func accumulate(
        x: Tensor, w: Tensor, xZero: Tensor?, wZero: Tensor?, inputs: (x: Int, w: Int, xZero: Int, wZero: Int)
    )
        throws -> (shape: [Int], values: [Int64])
    {
        let xv = try IntegerMatMul.integers(x, ctx: ctx, input: inputs.x)
        let wv = try IntegerMatMul.integers(w, ctx: ctx, input: inputs.w)
        let xz = try xZero.map { try IntegerMatMul.integers($0, ctx: ctx, input: inputs.xZero) } ?? [0]
        let wz = try wZero.map { try IntegerMatMul.integers($0, ctx: ctx, input: inputs.wZero) } ?? [0]
        guard xz.count == 1 else { throw ctx.inputError(inputs.xZero, "must be one value (per-tensor zero point)") }
        guard w.rank >= 3 else { throw ctx.inputError(inputs.w, "must be (M, C/group, kernel…), got \(w.shape)") }
        let m = w.shape[0]
        guard wz.count == 1 || wz.count == m else {
            throw ctx.inputError(inputs.wZero, "must hold 1 or \(m) values (one per output channel), got \(wz.count)")
        }
        let perChannel = w.count / Swift.max(m, 1)
        let xs = xv.map { $0 &- xz[0] }
        let ws = wv.indices.map { i in wv[i] &- wz[wz.count == 1 ? 0 : i / Swift.max(perChannel, 1)] }
        let bound =
            Double(xs.map(\.magnitude).max() ?? 0) * Double(ws.map(\.magnitude).max() ?? 0) * Double(perChannel)
        guard bound < 16_777_216 else {
            throw ctx.fail("the products' sums may exceed 2^24, beyond what the float convolution keeps exact")
        }
        let y = try conv.forward([
            Tensor(shape: x.shape, scalars: xs.map { Float($0) }),
            Tensor(shape: w.shape, scalars: ws.map { Float($0) }),
        ]).outputs[0]
        return (y.shape, (y.floats ?? []).map { Int64($0.rounded()) })
    }
}
