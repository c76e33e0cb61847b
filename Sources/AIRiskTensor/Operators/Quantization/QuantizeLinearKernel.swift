/// ONNX QuantizeLinear (opsets 10–21): `y = saturate(round(x / scale) + zero_point)`, rounding half to even,
/// per tensor or per slice along `axis`. The output type is the zero point's (uint8 without one), recorded by the
/// ONNX lowering as `output_dtype`; a zero point whose type the graph does not state is refused. Not
/// differentiable (integer output).
struct QuantizeLinearKernel: ForwardOnlyKernel {
    static let opType = "QuantizeLinear"
    let ctx: KernelContext
    let axis: Int
    let range: ClosedRange<Int64>
    let typeKnown: Bool

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        axis = try QuantizationParameters.axis(ctx)
        let code = try ctx.int("output_dtype")
        typeKnown = code != nil
        guard let range = QuantizationParameters.range(ofType: code ?? 2) else {
            throw ctx.attributeError("output_dtype", "names data type \(code ?? 0), which is not an integer type")
        }
        self.range = range
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        let zeroPoint = ctx.optionalInput(inputs, 2)
        if zeroPoint != nil && !typeKnown {
            throw ctx.fail(
                "the element type of the zero point (input 2) is not stated by the graph, so the output type is unknown"
            )
        }
        let p = try QuantizationParameters(
            ctx: ctx, x: x, scale: try ctx.input(inputs, 1), zeroPoint: zeroPoint, axis: axis)
        let lo = Float(range.lowerBound)
        let hi = Float(range.upperBound)
        var y = [Int64](repeating: 0, count: xs.count)
        for i in xs.indices {
            let c = p.channel(i)
            let q = (xs[i] / p.scale[c]).rounded(.toNearestOrEven) + Float(p.zeroPoint?[c] ?? 0)
            y[i] = q.isNaN ? 0 : Int64(Swift.min(Swift.max(q, lo), hi))
        }
        return KernelOutput(outputs: [Tensor(shape: x.shape, int64: y)])
    }
}
