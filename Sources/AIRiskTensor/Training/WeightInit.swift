/// Seeded weight initialisation schemes.
package enum WeightInit: String, Sendable, Equatable {
    /// Glorot/Xavier uniform: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)); suits tanh and sigmoid.
    case glorotUniform
    /// He/Kaiming normal: N(0, 2 / fanIn); suits ReLU.
    case heNormal
    /// Glorot/Xavier normal: N(0, 2 / (fanIn + fanOut)).
    case glorotNormal

    /// `count` weights for a layer with the given fan-in and fan-out.
    package func sample(count: Int, fanIn: Int, fanOut: Int, using rng: inout SeededGenerator) -> [Float] {
        switch self {
        case .glorotUniform:
            let a = (6 / Float(max(fanIn + fanOut, 1))).squareRoot()
            return (0..<count).map { _ in (rng.nextUniform() * 2 - 1) * a }
        case .heNormal:
            let s = (2 / Float(max(fanIn, 1))).squareRoot()
            return (0..<count).map { _ in rng.nextGaussian() * s }
        case .glorotNormal:
            let s = Float((2.0 / Double(max(fanIn + fanOut, 1))).squareRoot())
            return (0..<count).map { _ in rng.nextGaussian() * s }
        }
    }
}
