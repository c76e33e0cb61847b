@testable import AIRiskTensor

/// NeuralTestRNG: a small seeded generator for reproducible test inputs.
struct NeuralTestRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Tensor {
    /// A float tensor of uniform values in [low, high) from `rng`.
    static func seededUniform(_ shape: [Int], _ rng: inout NeuralTestRNG, low: Float = -1, high: Float = 1) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in Float.random(in: low..<high, using: &rng) })
    }
}
