import AIRiskProbes
import PropertyBased
import Testing

/// ROCCurve against the definitions, by brute force over every (member, non-member) pair and every threshold.
@Suite("ROC / AUC (property-based)")
struct ROCPropertyTests {
    /// Few distinct values so that ties are common; -1 stands for NaN (ranked as −∞).
    static let scores = Gen.int(in: -1...8).map { $0 < 0 ? Double.nan : Double($0) / 2 }.array(of: 0...25)

    static func rank(_ s: Double) -> Double { s.isNaN ? -.infinity : s }

    /// P(member > non-member) + ½ P(tie) over all pairs.
    static func bruteForceAUC(_ positives: [Double], _ negatives: [Double]) -> Double {
        var wins = 0.0
        for p in positives {
            for n in negatives {
                let a = rank(p)
                let b = rank(n)
                wins += a > b ? 1 : a == b ? 0.5 : 0
            }
        }
        return wins / Double(positives.count * negatives.count)
    }

    @Test("AUC equals the pairwise Mann–Whitney definition (NaN when a class is empty)")
    func aucMatchesPairs() async {
        await propertyCheck(count: 300, input: Self.scores, Self.scores) { positives, negatives in
            let curve = ROCCurve(positiveScores: positives, negativeScores: negatives)
            if positives.isEmpty || negatives.isEmpty {
                #expect(curve.auc.isNaN)
            } else {
                #expect(abs(curve.auc - Self.bruteForceAUC(positives, negatives)) < 1e-12)
            }
        }
    }

    @Test("every point counts the scores at or above its threshold; the curve runs (0,0) → (1,1) monotonically")
    func pointsMatchThresholds() async {
        await propertyCheck(count: 300, input: Self.scores, Self.scores) { positives, negatives in
            let curve = ROCCurve(positiveScores: positives, negativeScores: negatives)
            #expect(curve.points.first?.truePositives == 0 && curve.points.first?.falsePositives == 0)
            #expect(curve.points.last?.truePositives == positives.count)
            #expect(curve.points.last?.falsePositives == negatives.count)
            for (k, point) in curve.points.enumerated() {
                let t = point.threshold
                #expect(point.truePositives == positives.filter { Self.rank($0) >= t }.count)
                #expect(point.falsePositives == negatives.filter { Self.rank($0) >= t }.count)
                if k > 0 {
                    #expect(point.threshold < curve.points[k - 1].threshold)
                    #expect(point.tpr >= curve.points[k - 1].tpr && point.fpr >= curve.points[k - 1].fpr)
                }
            }
        }
    }

    @Test("the point at a target FPR is the best TPR any threshold reaches within that FPR")
    func pointAtFPRIsOptimal() async {
        await propertyCheck(count: 300, input: Self.scores, Self.scores, Gen.double(in: 0...1)) { pos, neg, target in
            let curve = ROCCurve(positiveScores: pos, negativeScores: neg)
            let allowed = Int((target * Double(neg.count) + 1e-9).rounded(.down))
            var best = 0
            for t in Set((pos + neg).map(Self.rank)) {
                let fp = neg.filter { Self.rank($0) >= t }.count
                let tp = pos.filter { Self.rank($0) >= t }.count
                if fp <= allowed { best = max(best, tp) }
            }
            let chosen = curve.point(atFPR: target)
            #expect(chosen.truePositives == best)
            #expect(chosen.falsePositives <= allowed)
        }
    }
}
