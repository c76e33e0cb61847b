/// Every figure the report shows for one membership attack, computed from its scores.
///
/// Members are positives, non-members negatives; a higher score means "more likely a member".
/// The definitions are in ``MetricDefinitions``, which the report prints.
package struct MembershipMetrics: Sendable, Equatable, Codable {
    package var memberCount: Int
    package var nonMemberCount: Int
    /// ROC points downsampled for the report (see ``ROCCurve/downsampled(linearCount:logCount:)``).
    package var roc: [ROCPoint]
    package var auc: Double
    /// TPR at the target FPRs (by default 0.1 %, 1 %, 10 %), each with its interval and data size.
    package var lowFPR: [LowFPRFigure]
    /// Maximal membership advantage: max over thresholds of TPR − FPR.
    package var advantage: Double
    /// The threshold that reaches ``advantage``.
    package var advantageThreshold: Double
    /// Balanced accuracy (TPR + TNR) / 2 at that threshold, i.e. (1 + advantage) / 2.
    package var balancedAccuracy: Double
    package var epsilon: EpsilonLowerBound
    /// AUC within each true class that has both members and non-members.
    package var perClassAUC: [ClassAUC]
    /// The highest-scoring members (ties broken by lower index).
    package var topExposed: [ExposedRecord]
    /// Every member's attack score, in the members set's order (higher = more likely a member), and its label:
    /// what the report's per-record CSV is made of.
    package var memberScores: [Double]
    package var memberLabels: [Int]
    package var histogram: ScoreHistogram

    package static let defaultTargetFPRs: [Double] = [0.001, 0.01, 0.1]

    package init(
        memberScores: [Double], nonMemberScores: [Double], memberLabels: [Int], nonMemberLabels: [Int],
        targetFPRs: [Double] = MembershipMetrics.defaultTargetFPRs, delta: Double = 1e-5, topCount: Int = 20,
        histogramBins: Int = 30
    ) {
        let curve = ROCCurve(positiveScores: memberScores, negativeScores: nonMemberScores)
        memberCount = memberScores.count
        nonMemberCount = nonMemberScores.count
        roc = curve.downsampled()
        auc = curve.auc
        lowFPR = targetFPRs.map { LowFPRFigure(curve: curve, targetFPR: $0) }
        var best = curve.points[0]
        for p in curve.points where p.tpr - p.fpr > best.tpr - best.fpr { best = p }
        advantage = best.tpr - best.fpr
        advantageThreshold = best.threshold
        balancedAccuracy = (best.tpr + (1 - best.fpr)) / 2
        epsilon = EpsilonLowerBound(curve: curve, delta: delta)

        var byClassMembers: [Int: [Double]] = [:]
        var byClassNon: [Int: [Double]] = [:]
        for (s, y) in zip(memberScores, memberLabels) { byClassMembers[y, default: []].append(s) }
        for (s, y) in zip(nonMemberScores, nonMemberLabels) { byClassNon[y, default: []].append(s) }
        perClassAUC = Set(byClassMembers.keys).intersection(byClassNon.keys).sorted().map { y in
            let m = byClassMembers[y] ?? []
            let n = byClassNon[y] ?? []
            return ClassAUC(
                label: y, auc: ROCCurve(positiveScores: m, negativeScores: n).auc, members: m.count,
                nonMembers: n.count)
        }

        let order = memberScores.indices.sorted { a, b in
            let sa = memberScores[a].isNaN ? -Double.infinity : memberScores[a]
            let sb = memberScores[b].isNaN ? -Double.infinity : memberScores[b]
            return sa != sb ? sa > sb : a < b
        }
        topExposed = order.prefix(topCount).map { ExposedRecord(index: $0, score: memberScores[$0]) }
        self.memberScores = memberScores
        self.memberLabels = memberLabels
        histogram = ScoreHistogram(
            memberScores: memberScores, nonMemberScores: nonMemberScores, binCount: histogramBins)
    }
}
