import Foundation

/// The TPR an attack reaches at a target false-positive rate, and how much data it rests on.
///
/// Definition: the largest TPR over all thresholds whose empirical FPR ≤ `targetFPR`. The
/// interval is the Clopper–Pearson 95 % interval of that TPR (true positives out of members).
/// With `negatives` non-members, FPR ≤ target allows at most ``maxFalsePositives`` false
/// positives; when that is 0 the figure is the TPR at *zero* observed false positives and says
/// nothing finer about the true FPR than ``fprUpperBound`` (the Clopper–Pearson upper bound of the
/// observed false positives).
package struct LowFPRFigure: Sendable, Equatable, Codable {
    package var targetFPR: Double
    package var tpr: ProportionInterval
    /// Non-members the FPR is measured on.
    package var negatives: Int
    /// floor(targetFPR × negatives): the false positives a qualifying threshold may have.
    package var maxFalsePositives: Int
    /// False positives of the chosen threshold.
    package var falsePositives: Int
    package var achievedFPR: Double
    /// Clopper–Pearson 95 % upper bound of the chosen threshold's FPR.
    package var fprUpperBound: Double
    package var threshold: Double
    /// A plain-language caveat when the figure rests on few or no false positives.
    package var note: String?

    package init(curve: ROCCurve, targetFPR: Double, confidence: Double = 0.95) {
        let point = curve.point(atFPR: targetFPR)
        self.targetFPR = targetFPR
        tpr = ClopperPearson.interval(
            successes: point.truePositives, trials: curve.positives, confidence: confidence)
        negatives = curve.negatives
        maxFalsePositives = curve.maxFalsePositives(atFPR: targetFPR)
        falsePositives = point.falsePositives
        achievedFPR = point.fpr
        fprUpperBound =
            ClopperPearson.interval(
                successes: point.falsePositives, trials: curve.negatives, confidence: confidence
            ).upper
        threshold = point.threshold
        let pct = LowFPRFigure.percent(targetFPR)
        if maxFalsePositives == 0 {
            note =
                "at \(pct) FPR with \(negatives) non-members the threshold can allow 0 false positives: "
                + "this is the TPR at zero observed false positives, and the true FPR is only known to be ≤ "
                + LowFPRFigure.percent(fprUpperBound) + " (95 % upper bound)"
        } else if maxFalsePositives < 10 {
            note =
                "at \(pct) FPR with \(negatives) non-members the threshold can allow only \(maxFalsePositives) "
                + "false positive(s); the FPR is only known to be ≤ " + LowFPRFigure.percent(fprUpperBound)
                + " (95 % upper bound)"
        } else {
            note = nil
        }
    }

    static func percent(_ v: Double) -> String {
        let p = v * 100
        if p >= 10 { return "\(Int(p.rounded())) %" }
        if p >= 1 { return String(format: "%.1f %%", p) }
        return String(format: "%.2g %%", p)
    }
}
