import Foundation

/// The ROC curve of scores where members are positives, non-members negatives, and a higher
/// score means "more likely a member".
///
/// There is one point per distinct score (ties move TPR and FPR together, in one step), plus the
/// starting point (0, 0) at threshold +∞; the last point is (1, 1). NaN scores are treated as −∞
/// (never flagged before any finite score).
package struct ROCCurve: Sendable, Equatable {
    package let positives: Int
    package let negatives: Int
    /// Points in order of decreasing threshold: FPR and TPR are both non-decreasing.
    package let points: [ROCPoint]

    package init(positiveScores: [Double], negativeScores: [Double]) {
        positives = positiveScores.count
        negatives = negativeScores.count
        var all: [(score: Double, positive: Bool)] = []
        all.reserveCapacity(positives + negatives)
        for s in positiveScores { all.append((s.isNaN ? -.infinity : s, true)) }
        for s in negativeScores { all.append((s.isNaN ? -.infinity : s, false)) }
        all.sort { $0.score > $1.score }
        let p = Double(max(positives, 1))
        let n = Double(max(negatives, 1))
        var points = [ROCPoint(threshold: .infinity, truePositives: 0, falsePositives: 0, tpr: 0, fpr: 0)]
        var tp = 0
        var fp = 0
        var i = 0
        while i < all.count {
            let s = all[i].score
            while i < all.count && all[i].score == s {
                if all[i].positive { tp += 1 } else { fp += 1 }
                i += 1
            }
            points.append(
                ROCPoint(
                    threshold: s, truePositives: tp, falsePositives: fp, tpr: Double(tp) / p, fpr: Double(fp) / n))
        }
        self.points = points
    }

    /// The area under the curve: P(member score > non-member score) + ½ P(equal), i.e. the
    /// Mann–Whitney U statistic over (members × non-members), computed exactly from counts.
    package var auc: Double {
        guard positives > 0, negatives > 0 else { return .nan }
        var twiceArea = 0.0
        for k in 1..<points.count {
            let dfp = Double(points[k].falsePositives - points[k - 1].falsePositives)
            twiceArea += dfp * Double(points[k].truePositives + points[k - 1].truePositives)
        }
        return twiceArea / (2 * Double(positives) * Double(negatives))
    }

    /// The point with the largest TPR among those whose FPR ≤ `targetFPR` (the last such point,
    /// since TPR does not decrease along the curve). The (0, 0) point always qualifies.
    package func point(atFPR targetFPR: Double) -> ROCPoint {
        let allowed = maxFalsePositives(atFPR: targetFPR)
        var best = points[0]
        for p in points where p.falsePositives <= allowed { best = p }
        return best
    }

    /// The most false positives a threshold may have while keeping FPR ≤ `targetFPR`.
    package func maxFalsePositives(atFPR targetFPR: Double) -> Int {
        Int((targetFPR * Double(negatives) + 1e-9).rounded(.down))
    }
}
