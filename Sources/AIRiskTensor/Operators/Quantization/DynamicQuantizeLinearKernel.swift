/// ONNX DynamicQuantizeLinear (opset 11): quantizes to uint8 with a scale and zero point computed from the
/// input's range widened to include 0: `scale = (max - min) / 255`, `zero_point = saturate(round(-min / scale))`,
/// `y = saturate(round(x / scale) + zero_point)`, rounding half to even. Not differentiable.
struct DynamicQuantizeLinearKernel: ForwardOnlyKernel, ContextKernel {
    static let opType = "DynamicQuantizeLinear"
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        guard !xs.contains(where: { !$0.isFinite }) else {
            throw ctx.inputError(0, "holds NaN or infinite values, which have no quantization range")
        }
        let lo = Swift.min(0, xs.min() ?? 0)
        let hi = Swift.max(0, xs.max() ?? 0)
        let scale = (hi - lo) / 255
        func saturate(_ v: Float) -> Int64 { Int64(Swift.min(Swift.max(v, 0), 255)) }
        let zeroPoint = scale == 0 ? 0 : saturate((0 - lo / scale).rounded(.toNearestOrEven))
        let y = xs.map { v in
            scale == 0 ? zeroPoint : saturate((v / scale).rounded(.toNearestOrEven) + Float(zeroPoint))
        }
        return KernelOutput(outputs: [
            Tensor(shape: x.shape, int64: y), Tensor(shape: [], scalars: [scale]),
            Tensor(shape: [], int64: [zeroPoint]),
        ])
    }
}
