/// ONNX InstanceNormalization (opsets 6–22): normalizes each (sample, channel) plane of `input` [N, C, spatial…]
/// by its own mean and (biased) variance, `y = scale[c] · (x − mean) / sqrt(var + epsilon) + B[c]`, in Double.
/// Declared not differentiable: graphs through it report no input gradients.
struct InstanceNormalizationKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "InstanceNormalization"
    @NodeContext var ctx
    @Attribute var epsilon: Float = 1e-5

    func validate() throws {
        guard epsilon >= 0, epsilon.isFinite else { throw ctx.attributeError("epsilon", "must be finite and ≥ 0") }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        let (_, scale) = try ctx.floatInput(inputs, 1)
        let (_, bias) = try ctx.floatInput(inputs, 2)
        guard x.rank >= 3 else { throw ctx.inputError(0, "must be (N, C, spatial…), got \(x.shape)") }
        let (n, c) = (x.shape[0], x.shape[1])
        guard scale.count == c else { throw ctx.inputError(1, "must hold \(c) values, got \(scale.count)") }
        guard bias.count == c else { throw ctx.inputError(2, "must hold \(c) values, got \(bias.count)") }
        let plane = x.shape[2...].reduce(1, *)
        var out = [Float](repeating: 0, count: xs.count)
        for p in 0..<(n * c) where plane > 0 {
            let channel = p % c
            let range = (p * plane)..<((p + 1) * plane)
            let mean = xs[range].reduce(0.0) { $0 + Double($1) } / Double(plane)
            let variance = xs[range].reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(plane)
            let factor = Double(scale[channel]) / (variance + Double(epsilon)).squareRoot()
            for i in range { out[i] = Float((Double(xs[i]) - mean) * factor + Double(bias[channel])) }
        }
        return KernelOutput(outputs: [Tensor(shape: x.shape, scalars: out)])
    }
}
