/// ONNX BatchNormalization in inference mode (opsets 1–15): per channel (axis 1),
/// `y = scale · (x − mean) / √(var + epsilon) + B`. The older per-activation form
/// (opset < 9 with spatial = 0) is accepted when the statistics have the shape of one sample.
/// Training mode (training_mode = 1, or the training outputs of opsets before 14) is rejected at
/// load. The backward pass gives gradients for X, scale, B, mean and var.
struct BatchNormalizationKernel: Kernel {
    static let opType = "BatchNormalization"

    private let context: NeuralNodeContext
    private let epsilon: Float

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        epsilon = try context.float("epsilon", default: 1e-5)
        guard epsilon >= 0 else { throw context.attributeError("epsilon", "must not be negative, got \(epsilon)") }
        if try context.flag("training_mode") {
            throw context.unsupported(
                "training_mode = 1 (batch statistics); export the model in evaluation mode (model.eval() in PyTorch)")
        }
        if opset < 14 && (1..<node.outputs.count).contains(where: { !node.outputs[$0].isEmpty }) {
            throw context.unsupported(
                "the training outputs (running mean/var); export the model in evaluation mode (model.eval() in PyTorch)"
            )
        }
        if opset < 7, try context.int("is_test", default: 0) == 0, context.has("is_test") {
            throw context.unsupported("is_test = 0 (training); export the model in evaluation mode")
        }
    }

    /// The input split into (batch, channel, inner) with per-channel statistics of `groups` values.
    private struct Layout {
        let batch: Int
        /// Distinct statistics: C for the usual form, C · spatial for the per-activation form.
        let groups: Int
        /// Elements sharing one statistic within one sample.
        let inner: Int
    }

    private func layout(_ x: [Int], _ stats: [[Int]]) throws -> Layout {
        guard x.count >= 2 else { throw context.inputError(0, "must be (N, C, …), got shape \(x)") }
        let channels = x[1]
        let perSample = x[1...].reduce(1, *)
        let n = stats[0].reduce(1, *)
        for (k, s) in stats.enumerated() where s.reduce(1, *) != n {
            throw context.inputError(k + 1, "has shape \(s) but scale has shape \(stats[0])")
        }
        if n == channels { return Layout(batch: x[0], groups: channels, inner: perSample / max(1, channels)) }
        if n == perSample { return Layout(batch: x[0], groups: perSample, inner: 1) }
        throw context.inputError(1, "has \(n) values; expected \(channels) (one per channel of input shape \(x))")
    }

    private struct Inputs {
        let x: (shape: [Int], values: [Float])
        let scale: [Float], bias: [Float], mean: [Float], variance: [Float]
        let layout: Layout
    }

    private func read(_ inputs: [Tensor?]) throws -> Inputs {
        let x = try context.floatInput(inputs, 0)
        let s = try context.floatInput(inputs, 1), b = try context.floatInput(inputs, 2)
        let m = try context.floatInput(inputs, 3), v = try context.floatInput(inputs, 4)
        let layout = try layout(x.shape, [s.shape, b.shape, m.shape, v.shape])
        return Inputs(x: x, scale: s.values, bias: b.values, mean: m.values, variance: v.values, layout: layout)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let input = try read(inputs)
        let l = input.layout
        var y = [Float](repeating: 0, count: input.x.values.count)
        input.x.values.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                for g in 0..<l.groups {
                    let a = input.scale[g] / (input.variance[g] + epsilon).squareRoot()
                    let c = input.bias[g] - a * input.mean[g]
                    for n in 0..<l.batch {
                        let base = (n * l.groups + g) * l.inner
                        for i in base..<(base + l.inner) { yp[i] = a * xp[i] + c }
                    }
                }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: input.x.shape, scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let dyTensor = outputGradients.first ?? nil else { return [nil, nil, nil, nil, nil] }
        let input = try read(inputs)
        let l = input.layout
        guard let dy = dyTensor.floats, dy.count == input.x.values.count else {
            throw context.inputError(0, "received an output gradient of shape \(dyTensor.shape)")
        }
        var dx = [Float](repeating: 0, count: dy.count)
        var dScale = [Float](repeating: 0, count: l.groups), dBias = dScale, dMean = dScale, dVar = dScale
        input.x.values.withUnsafeBufferPointer { xp in
            dy.withUnsafeBufferPointer { gp in
                dx.withUnsafeMutableBufferPointer { dxp in
                    for g in 0..<l.groups {
                        let inv = 1 / (input.variance[g] + epsilon).squareRoot()
                        let a = input.scale[g] * inv
                        let mean = input.mean[g]
                        var sumDy: Float = 0
                        var sumDyCentered: Float = 0
                        for n in 0..<l.batch {
                            let base = (n * l.groups + g) * l.inner
                            for i in base..<(base + l.inner) {
                                dxp[i] = a * gp[i]
                                sumDy += gp[i]
                                sumDyCentered += gp[i] * (xp[i] - mean)
                            }
                        }
                        dBias[g] = sumDy
                        dScale[g] = sumDyCentered * inv
                        dMean[g] = -a * sumDy
                        dVar[g] = -0.5 * input.scale[g] * sumDyCentered * inv * inv * inv
                    }
                }
            }
        }
        let shapes = (1...4).map { inputs[$0]?.shape ?? [l.groups] }
        return [
            Tensor(shape: input.x.shape, scalars: dx), Tensor(shape: shapes[0], scalars: dScale),
            Tensor(shape: shapes[1], scalars: dBias), Tensor(shape: shapes[2], scalars: dMean),
            Tensor(shape: shapes[3], scalars: dVar),
        ]
    }
}
