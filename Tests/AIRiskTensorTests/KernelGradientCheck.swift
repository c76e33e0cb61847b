import Testing

@testable import AIRiskTensor

/// Checks a kernel's backward pass against central finite differences of the scalar loss
/// L = Σ_k ⟨c_k, y_k⟩ with seeded random projections c_k of every float output.
///
/// `check` lists the input positions to verify; every element is perturbed when the input is
/// small, otherwise a seeded sample of `samples` elements. With `skipKinks` (for piecewise-linear
/// activations and clipping), elements whose one-sided differences disagree, because a kink lies
/// within ±epsilon, are left out; at least half of the sampled elements must still be compared.
func expectKernelGradientsMatchFiniteDifferences(
    kernel: any Kernel, inputs: [Tensor?], check: [Int], outputs: [Int]? = nil, epsilon: Float = 1e-2,
    rtol: Double = 2e-2, atol: Double = 2e-3, samples: Int = 40, seed: UInt64 = 7, skipKinks: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    var rng = SeededGenerator(seed: seed)
    let forward = try kernel.forward(inputs)
    let used = outputs ?? Array(forward.outputs.indices)
    var projections: [Tensor?] = Array(repeating: nil, count: forward.outputs.count)
    for k in used where forward.outputs[k].floats != nil {
        projections[k] = .seededUniform(forward.outputs[k].shape, &rng)
    }
    func loss(_ xs: [Tensor?]) throws -> Double {
        let ys = try kernel.forward(xs).outputs
        var total = 0.0
        for k in used {
            guard let c = projections[k]?.floats, let y = ys[k].floats else { continue }
            for i in 0..<y.count { total += Double(c[i]) * Double(y[i]) }
        }
        return total
    }
    let base = try loss(inputs)
    let grads = try kernel.backward(inputs: inputs, forward: forward, outputGradients: projections)
    for index in check {
        guard let input = inputs[index], let values = input.floats else { continue }
        let analytic = try #require(
            grads[index]?.floats, "no gradient for input \(index)", sourceLocation: sourceLocation)
        #expect(analytic.count == values.count, sourceLocation: sourceLocation)
        var positions = Array(0..<values.count)
        if positions.count > samples {
            positions.shuffle(using: &rng)
            positions = Array(positions.prefix(samples))
        }
        var compared = 0
        for p in positions {
            var plus = inputs, minus = inputs
            var up = values, down = values
            up[p] += epsilon
            down[p] -= epsilon
            plus[index] = Tensor(shape: input.shape, scalars: up)
            minus[index] = Tensor(shape: input.shape, scalars: down)
            let lossUp = try loss(plus), lossDown = try loss(minus)
            let numeric = (lossUp - lossDown) / Double(up[p] - down[p])
            if skipKinks {
                let right = (lossUp - base) / Double(up[p] - values[p])
                let left = (base - lossDown) / Double(values[p] - down[p])
                if abs(right - left) > atol + rtol * max(abs(right), abs(left)) { continue }
            }
            compared += 1
            let a = Double(analytic[p])
            #expect(
                abs(a - numeric) <= atol + rtol * max(abs(a), abs(numeric)),
                "input \(index) element \(p): analytic \(a) vs numeric \(numeric)", sourceLocation: sourceLocation)
        }
        #expect(
            compared * 2 >= positions.count, "input \(index): only \(compared) of \(positions.count) elements compared",
            sourceLocation: sourceLocation)
    }
}
