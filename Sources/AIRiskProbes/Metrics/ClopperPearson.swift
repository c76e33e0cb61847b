import Foundation

/// The exact (Clopper–Pearson) confidence interval for a binomial proportion.
///
/// With k successes in n trials and α = 1 − confidence, the bounds are the α/2 quantile of
/// Beta(k, n − k + 1) (0 when k = 0) and the 1 − α/2 quantile of Beta(k + 1, n − k) (1 when k = n).
/// It never under-covers, which is why low-FPR membership figures use it: with a few hundred
/// non-members a point estimate alone overstates what the data can show.
package enum ClopperPearson {
    package static func interval(successes k: Int, trials n: Int, confidence: Double = 0.95) -> ProportionInterval {
        guard n > 0 else {
            return ProportionInterval(
                successes: 0, trials: 0, estimate: .nan, lower: 0, upper: 1, confidence: confidence)
        }
        let k = min(max(k, 0), n)
        let alpha = 1 - confidence
        let lower = k == 0 ? 0 : BetaDistribution.quantile(alpha / 2, a: Double(k), b: Double(n - k + 1))
        let upper = k == n ? 1 : BetaDistribution.quantile(1 - alpha / 2, a: Double(k + 1), b: Double(n - k))
        return ProportionInterval(
            successes: k, trials: n, estimate: Double(k) / Double(n), lower: lower, upper: upper,
            confidence: confidence)
    }
}
