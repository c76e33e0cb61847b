@testable import AIRiskTensor

/// TEST-ONLY: compares a kernel's backward pass with central finite differences of
/// L = Σ wᵢ·outputᵢ for fixed pseudo-random weights w.
enum MLGradientCheck {
    /// SplitMix64 values in [-1, 1), fixed seed.
    static func values(_ n: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<n).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Float(Double(z >> 11) / Double(1 << 53) * 2 - 1)
        }
    }

    /// The largest |analytic − numeric| / max(1, |numeric|) over all input elements.
    static func maxError(_ kernel: some Kernel, input x: Tensor, output index: Int) throws -> Float {
        let forward = try kernel.forward([x])
        let outputCount = forward.outputs[index].count
        let w = values(outputCount, seed: 42)
        func loss(_ t: Tensor) throws -> Double {
            let out = try kernel.forward([t]).outputs[index].floats ?? []
            return zip(out, w).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        var gradients = [Tensor?](repeating: nil, count: forward.outputs.count)
        gradients[index] = Tensor(shape: forward.outputs[index].shape, scalars: w)
        let analytic = try kernel.backward(inputs: [x], forward: forward, outputGradients: gradients)
        guard let g = analytic.first??.floats, var xv = x.floats else { return .infinity }
        var worst: Float = 0
        let eps: Float = 1e-3
        for i in 0..<xv.count {
            let saved = xv[i]
            xv[i] = saved + eps
            let up = try loss(Tensor(shape: x.shape, scalars: xv))
            xv[i] = saved - eps
            let down = try loss(Tensor(shape: x.shape, scalars: xv))
            xv[i] = saved
            let numeric = Float((up - down) / Double(2 * eps))
            worst = max(worst, abs(g[i] - numeric) / max(1, abs(numeric)))
        }
        return worst
    }
}
