import Foundation

/// An empirical lower bound on the differential-privacy ε of the training procedure, implied by
/// an attack's ROC curve.
///
/// An (ε, δ)-DP training run bounds every membership test: TPR ≤ e^ε·FPR + δ and
/// TNR ≤ e^ε·FNR + δ. Hence, for every threshold,
///     ε ≥ log((TPR − δ) / FPR)  and  ε ≥ log((1 − FPR − δ) / (1 − TPR)).
/// To stay honest with finite samples, TPR is replaced by its Clopper–Pearson lower bound and FPR
/// by its upper bound (95 % two-sided intervals), and the bound is the maximum over thresholds
/// (at least 0). The per-threshold intervals are not adjusted for the choice of the maximising
/// threshold, so the bound holds at roughly, not exactly, 95 % confidence.
package struct EpsilonLowerBound: Sendable, Equatable, Codable {
    package var epsilon: Double
    package var delta: Double
    /// The threshold that gives the bound (nil when no threshold gives ε > 0).
    package var threshold: Double?
    package var tprLower: Double?
    package var fprUpper: Double?

    package init(curve: ROCCurve, delta: Double = 1e-5, confidence: Double = 0.95) {
        self.delta = delta
        epsilon = 0
        guard curve.positives > 0, curve.negatives > 0 else { return }
        var tpCache: [Int: Double] = [:]
        var fpCache: [Int: Double] = [:]
        /// One end of the Clopper-Pearson interval of `successes` in `trials`, computed once per count.
        func bound(
            _ successes: Int, of trials: Int, _ end: KeyPath<ProportionInterval, Double>, cache: inout [Int: Double]
        ) -> Double {
            if let known = cache[successes] { return known }
            let interval = ClopperPearson.interval(successes: successes, trials: trials, confidence: confidence)
            let value = interval[keyPath: end]
            cache[successes] = value
            return value
        }
        for point in curve.points {
            let tprLo = bound(point.truePositives, of: curve.positives, \.lower, cache: &tpCache)
            let fprHi = bound(point.falsePositives, of: curve.negatives, \.upper, cache: &fpCache)
            var candidates: [Double] = []
            if tprLo - delta > 0 && fprHi > 0 { candidates.append(log((tprLo - delta) / fprHi)) }
            if 1 - fprHi - delta > 0 && 1 - tprLo > 0 { candidates.append(log((1 - fprHi - delta) / (1 - tprLo))) }
            for c in candidates where c > epsilon {
                epsilon = c
                threshold = point.threshold
                tprLower = tprLo
                fprUpper = fprHi
            }
        }
    }
}
