/// ONNX Clip: bounds from attributes `min`/`max` before opset 11, then optional inputs 1 and 2.
/// The gradient passes where min ≤ x ≤ max.
struct ClipKernel: AttributedKernel {
    static let opType = "Clip"
    @NodeContext var ctx
    @Opset var opset
    @Attribute("min") var attributeMin = -Float.greatestFiniteMagnitude
    @Attribute("max") var attributeMax = Float.greatestFiniteMagnitude

    /// Opset 11 moved the bounds from attributes to inputs.
    var boundsFromInputs: Bool { opset >= 11 }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func bounds(_ inputs: [Tensor?]) throws -> (Float, Float) {
        guard boundsFromInputs else { return (attributeMin, attributeMax) }
        var lo = -Float.infinity
        var hi = Float.infinity
        if let t = ctx.optionalInput(inputs, 1) { lo = try t.asFloats().first ?? lo }
        if let t = ctx.optionalInput(inputs, 2) { hi = try t.asFloats().first ?? hi }
        return (lo, hi)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let (lo, hi) = try bounds(inputs)
        switch x.storage {
        case .float(let v):
            let out = v.map { min(max($0, lo), hi) }
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .float(out))])
        case .int64(let v):
            let l = lo.isInfinite ? Int64.min : Int64(lo)
            let h = hi.isInfinite ? Int64.max : Int64(hi)
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .int64(v.map { min(max($0, l), h) }))])
        default:
            throw ctx.inputError(0, "must be numeric, got \(x.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil, nil] }
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let (lo, hi) = try bounds(inputs)
        var dx = gv
        for i in dx.indices where xv[i] < lo || xv[i] > hi { dx[i] = 0 }
        return [Tensor(shape: x.shape, storage: .float(dx)), nil, nil]
    }
}
