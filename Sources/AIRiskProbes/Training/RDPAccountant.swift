import Foundation

/// Rényi-DP accounting for DP-SGD (Mironov 2017; Mironov, Talwar & Zhang 2019): the privacy of `steps`
/// applications of the subsampled Gaussian mechanism with sampling rate `q` and noise multiplier `σ`,
/// converted to (ε, δ)-DP.
///
/// For integer orders α ≥ 2, one step has RDP
/// ε_α = log( Σ_k C(α,k) (1−q)^(α−k) q^k exp((k² − k) / (2σ²)) ) / (α − 1);
/// `steps` steps compose additively, and ε = min_α (steps · ε_α + log(1/δ) / (α − 1)).
/// Shuffled fixed-size batches are accounted as Poisson sampling with q = batch / n, the usual practice.
package struct RDPAccountant: Sendable, Equatable {
    package var samplingRate: Double
    package var noiseMultiplier: Double
    package var steps: Int

    /// The orders tried.
    package static let orders = Array(2...256)

    package init(samplingRate: Double, noiseMultiplier: Double, steps: Int) {
        self.samplingRate = samplingRate
        self.noiseMultiplier = noiseMultiplier
        self.steps = steps
    }

    /// RDP of one step at order α.
    package func stepRDP(order a: Int) -> Double {
        let q = min(max(samplingRate, 0), 1)
        let s2 = noiseMultiplier * noiseMultiplier
        guard q > 0 else { return 0 }
        if q == 1 { return Double(a) / (2 * s2) }
        var terms: [Double] = []
        terms.reserveCapacity(a + 1)
        for k in 0...a {
            let logBinomial = lgamma(Double(a + 1)) - lgamma(Double(k + 1)) - lgamma(Double(a - k + 1))
            let t = logBinomial + Double(a - k) * log1p(-q) + Double(k) * log(q) + Double(k * k - k) / (2 * s2)
            terms.append(t)
        }
        let m = terms.max() ?? 0
        let logA = m + log(terms.reduce(0) { $0 + exp($1 - m) })
        return max(0, logA / Double(a - 1))
    }

    /// The ε of (ε, δ)-DP after all steps.
    package func epsilon(delta: Double) -> Double {
        guard steps > 0, samplingRate > 0 else { return 0 }
        guard noiseMultiplier > 0 else { return .infinity }
        var best = Double.infinity
        for a in Self.orders {
            let e = Double(steps) * stepRDP(order: a) + log(1 / delta) / Double(a - 1)
            best = min(best, e)
        }
        return best
    }

    /// The smallest noise multiplier (to 1 %) whose ε after `steps` steps is at most `epsilon`, or nil when even
    /// σ = 1 000 does not reach it.
    package static func noiseMultiplier(
        forEpsilon epsilon: Double, delta: Double, samplingRate: Double, steps: Int
    ) -> Double? {
        func eps(_ s: Double) -> Double {
            RDPAccountant(samplingRate: samplingRate, noiseMultiplier: s, steps: steps).epsilon(delta: delta)
        }
        var hi = 1.0
        while eps(hi) > epsilon {
            hi *= 2
            if hi > 1000 { return nil }
        }
        var lo = hi / 2
        if eps(lo) <= epsilon { lo = 0.05 }
        while hi - lo > 0.01 * hi {
            let mid = (lo + hi) / 2
            if eps(mid) <= epsilon { hi = mid } else { lo = mid }
        }
        return hi
    }
}
