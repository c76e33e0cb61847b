import AIRiskTensor
import Foundation

/// Adds zero-mean Gaussian or Laplace noise to every score (Jia et al. 2019's MemGuard is the
/// targeted version of this), clips classifier scores at zero and renormalises each row.
///
/// The noise of a row is drawn from a generator seeded by the seed and the row's bytes, so asking
/// the same question twice gets the same answer: an attacker cannot average the noise away by
/// repetition (they must perturb the input instead, which the probes' own sampling already does).
/// Labels follow the noisy scores — a client reading the top score sees them — so the label
/// change is part of the utility cost. Regression outputs get the same noise without
/// renormalisation.
package struct NoisyScoresModel: ScoreDefense {
    /// The noise distribution; `scale` is the Gaussian standard deviation or the Laplace scale b.
    package enum Distribution: String, Sendable, Equatable {
        case gaussian
        case laplace
    }

    package let base: any ModelAccess
    package let scale: Double
    package let distribution: Distribution
    package let seed: UInt64

    package init(_ base: any ModelAccess, scale: Double, distribution: Distribution = .gaussian, seed: UInt64 = 0) {
        self.base = base
        self.scale = max(0, scale)
        self.distribution = distribution
        self.seed = seed
    }

    package var setting: String {
        (distribution == .gaussian ? "noise:" : "laplace:") + DefenseSetting.format(scale)
    }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        let out = try await base.predict(batch)
        let inputs = batch.floats ?? []
        let rowWidth = out.rows > 0 ? inputs.count / out.rows : 0
        let isRegression = out.kind == .regression
        if !isRegression {
            try requireClassifierScores(out)
        }
        var s = isRegression ? out.scores : ScoreRows.probabilities(out)
        let w = out.width
        for r in 0..<out.rows {
            var g = SeededGenerator(seed: Self.rowSeed(seed, inputs, start: r * rowWidth, count: rowWidth))
            for j in 0..<w {
                let n = noise(&g)
                s[r * w + j] += n
                if !isRegression { s[r * w + j] = max(0, s[r * w + j]) }
            }
        }
        if isRegression {
            return ModelOutput(kind: .regression, rows: out.rows, scores: s, width: w, labels: out.labels)
        }
        ScoreRows.normalise(&s, rows: out.rows, width: w)
        return ScoreRows.defended(out, probabilities: s)
    }

    func noise(_ g: inout SeededGenerator) -> Float {
        switch distribution {
        case .gaussian:
            return Float(scale) * g.nextGaussian()
        case .laplace:
            // Inverse CDF of Laplace(0, b) from a uniform in (−½, ½).
            let u = Double(g.next() >> 11) * (1.0 / Double(1 << 53)) - 0.5
            let v = max(1e-300, 1 - 2 * abs(u))
            return Float(-scale * (u < 0 ? -1 : 1) * Foundation.log(v))
        }
    }

    /// FNV-1a over the row's float bit patterns, mixed with the seed.
    static func rowSeed(_ seed: UInt64, _ x: [Float], start: Int, count: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        var i = start
        let end = min(x.count, start + count)
        while i < end {
            h = (h ^ UInt64(x[i].bitPattern)) &* 0x0000_0100_0000_01B3
            i &+= 1
        }
        return h
    }
}
