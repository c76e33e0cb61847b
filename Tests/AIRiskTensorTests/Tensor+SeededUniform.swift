@testable import AIRiskTensor

extension Tensor {
    /// A float tensor of uniform values in [low, high) from `rng`.
    static func seededUniform(_ shape: [Int], _ rng: inout SeededGenerator, low: Float = -1, high: Float = 1) -> Tensor
    {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<n).map { _ in Float.random(in: low..<high, using: &rng) })
    }
}
