import Foundation

/// ONNX LayerNormalization (opset 17): each slice `X[i, axis...]` is normalised to zero mean and
/// unit variance, then scaled and shifted: `Y = (X − mean) · InvStdDev · Scale + B`, with
/// `InvStdDev = 1/√(var + epsilon)`. Scale and B broadcast to the normalised shape. The optional
/// outputs Mean and InvStdDev have X's shape with the normalised dimensions set to 1.
///
/// Statistics are accumulated in Double (onnxruntime's stash_type float32 computes in float; the
/// difference is far below the tests' tolerance). Differentiable with respect to X, Scale and B,
/// through all three outputs.
struct LayerNormalizationKernel: AttributedKernel {
    static let opType = "LayerNormalization"
    @NodeContext var ctx
    @Attribute var axis: Int = -1
    @Attribute var epsilon: Float = 1e-5

    /// The layout of one run: `rows` slices of `size` elements, the normalised shape, and the
    /// shape of the Mean / InvStdDev outputs. Overflow-checked, so a size pass can reuse it.
    struct Plan {
        var rows: Int
        var size: Int
        var normalizedShape: [Int]
        var statsShape: [Int]
    }

    static func plan(inputShape: [Int], axis: Int) -> Plan? {
        let rank = inputShape.count
        guard let a = Shape.normalizeAxis(axis, rank: rank) else { return nil }
        guard let rows = Shape.checkedCount(Array(inputShape[..<a])),
            let size = Shape.checkedCount(Array(inputShape[a...]))
        else { return nil }
        let stats = inputShape.enumerated().map { $0.offset < a ? $0.element : 1 }
        return Plan(rows: rows, size: size, normalizedShape: Array(inputShape[a...]), statsShape: stats)
    }

    func plan(_ x: Tensor) throws -> Plan {
        guard let p = Self.plan(inputShape: x.shape, axis: axis) else {
            throw ctx.fail("axis \(axis) is out of range for an input of shape \(x.shape)")
        }
        return p
    }

    /// `t`'s values repeated to the normalised shape (Scale, B), or nil when t is absent.
    func affine(_ t: Tensor?, index: Int, plan: Plan) throws -> [Float]? {
        guard let t else { return nil }
        let v = try ctx.floats(t, input: index)
        guard t.rank <= plan.normalizedShape.count,
            (try? Broadcast.shape(t.shape, plan.normalizedShape)) == plan.normalizedShape
        else {
            throw ctx.inputError(index, "has shape \(t.shape), not broadcastable to \(plan.normalizedShape)")
        }
        return Broadcast.expand(v, from: t.shape, to: plan.normalizedShape)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let p = try plan(x)
        let scale = try affine(ctx.input(inputs, 1), index: 1, plan: p)
        let bias = try affine(ctx.optionalInput(inputs, 2), index: 2, plan: p)
        var y = [Float](repeating: 0, count: xv.count)
        var means = [Float](repeating: 0, count: p.rows)
        var inv = [Float](repeating: 0, count: p.rows)
        for r in 0..<p.rows {
            let base = r * p.size
            var sum = 0.0
            for j in 0..<p.size { sum += Double(xv[base + j]) }
            let mean = p.size > 0 ? sum / Double(p.size) : 0
            var sq = 0.0
            for j in 0..<p.size {
                let d = Double(xv[base + j]) - mean
                sq += d * d
            }
            let variance = p.size > 0 ? sq / Double(p.size) : 0
            let invStd = 1 / (variance + Double(epsilon)).squareRoot()
            means[r] = Float(mean)
            inv[r] = Float(invStd)
            for j in 0..<p.size {
                var v = Float((Double(xv[base + j]) - mean) * invStd)
                if let scale { v *= scale[j] }
                if let bias { v += bias[j] }
                y[base + j] = v
            }
        }
        return KernelOutput(outputs: [
            Tensor(shape: x.shape, scalars: y), Tensor(shape: p.statsShape, scalars: means),
            Tensor(shape: p.statsShape, scalars: inv),
        ])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let p = try plan(x)
        let scaleTensor = try ctx.input(inputs, 1)
        let scale = try affine(scaleTensor, index: 1, plan: p) ?? []
        let biasTensor = ctx.optionalInput(inputs, 2)
        guard forward.outputs.count == 3, let means = forward.outputs[1].floats, let inv = forward.outputs[2].floats
        else { return [nil, nil, nil] }
        let gy = outputGradients.count > 0 ? outputGradients[0]?.floats : nil
        let gMean = outputGradients.count > 1 ? outputGradients[1]?.floats : nil
        let gInv = outputGradients.count > 2 ? outputGradients[2]?.floats : nil
        var dx = [Float](repeating: 0, count: xv.count)
        var dScale = [Float](repeating: 0, count: p.size)
        var dBias = [Float](repeating: 0, count: p.size)
        let n = Float(max(p.size, 1))
        for r in 0..<p.rows {
            let base = r * p.size
            let m = means[r]
            let s = inv[r]
            if let gy {
                var meanDh: Float = 0
                var meanDhXh: Float = 0
                for j in 0..<p.size {
                    let xh = (xv[base + j] - m) * s
                    let dh = gy[base + j] * scale[j]
                    meanDh += dh
                    meanDhXh += dh * xh
                    dScale[j] += gy[base + j] * xh
                    dBias[j] += gy[base + j]
                }
                meanDh /= n
                meanDhXh /= n
                for j in 0..<p.size {
                    let xh = (xv[base + j] - m) * s
                    dx[base + j] += s * (gy[base + j] * scale[j] - meanDh - xh * meanDhXh)
                }
            }
            if let gMean { for j in 0..<p.size { dx[base + j] += gMean[r] / n } }
            if let gInv {
                // d InvStdDev / d x_j = −InvStdDev³ · (x_j − mean) / n
                for j in 0..<p.size { dx[base + j] -= gInv[r] * s * s * s * (xv[base + j] - m) / n }
            }
        }
        let scaleGrad = Tensor(
            shape: scaleTensor.shape,
            scalars: Broadcast.reduce(dScale, from: p.normalizedShape, to: scaleTensor.shape))
        let biasGrad = biasTensor.map {
            Tensor(shape: $0.shape, scalars: Broadcast.reduce(dBias, from: p.normalizedShape, to: $0.shape))
        }
        return [Tensor(shape: x.shape, scalars: dx), gy == nil ? nil : scaleGrad, gy == nil ? nil : biasGrad]
    }
}
