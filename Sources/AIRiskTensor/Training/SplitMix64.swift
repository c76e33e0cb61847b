import Foundation

/// A small, fast, seedable random number generator (Steele, Lea & Flood's SplitMix64).
///
/// Every random choice in training (initial weights, shuffling) draws from one of these, created
/// from an explicit seed, so the same seed always produces the same model.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Float in [0, 1) with 24 random bits.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// A standard normal sample (Box–Muller).
    public mutating func nextGaussian() -> Float {
        var u = nextUnitFloat()
        while u <= 0 { u = nextUnitFloat() }
        let v = nextUnitFloat()
        return (-2 * logf(u)).squareRoot() * cosf(2 * Float.pi * v)
    }

    /// An independent generator derived from this one's seed and a stream number, so parallel
    /// jobs each get their own reproducible stream.
    public func derived(stream: UInt64) -> SplitMix64 {
        var g = SplitMix64(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = g.next()
        return SplitMix64(seed: g.next())
    }
}
