import AIRiskTensor
import Testing

@testable import AIRiskProbes

@Suite("ROC curve and AUC")
struct ROCCurveTests {
    /// Scores drawn from a few discrete levels so that ties are frequent.
    static func randomScores(_ rng: inout SeededGenerator, count: Int, shift: Double, levels: Int) -> [Double] {
        (0..<count).map { _ in
            (Double(rng.nextUniform()) * Double(levels)).rounded(.down) + (rng.nextUniform() < 0.5 ? shift : 0)
        }
    }

    static func bruteForceAUC(_ pos: [Double], _ neg: [Double]) -> Double {
        var s = 0.0
        for p in pos {
            for n in neg {
                if p > n { s += 1 } else if p == n { s += 0.5 }
            }
        }
        return s / Double(pos.count * neg.count)
    }

    /// Largest TPR over every candidate threshold (each distinct score, and +∞) with FPR ≤ target.
    static func bruteForceTPR(_ pos: [Double], _ neg: [Double], target: Double) -> Double {
        var best = 0.0
        for t in Set(pos + neg) {
            let fpr = Double(neg.filter { $0 >= t }.count) / Double(neg.count)
            let tpr = Double(pos.filter { $0 >= t }.count) / Double(pos.count)
            if fpr <= target + 1e-12 { best = max(best, tpr) }
        }
        return best
    }

    @Test("AUC equals brute-force pair counting with ties as ½ on random inputs")
    func aucMatchesPairCounting() {
        var rng = SeededGenerator(seed: 11)
        for trial in 0..<60 {
            let nPos = 1 + Int(rng.next() % 80)
            let nNeg = 1 + Int(rng.next() % 80)
            let levels = 2 + trial % 15
            let pos = Self.randomScores(&rng, count: nPos, shift: 1, levels: levels)
            let neg = Self.randomScores(&rng, count: nNeg, shift: 0, levels: levels)
            let curve = ROCCurve(positiveScores: pos, negativeScores: neg)
            #expect(abs(curve.auc - Self.bruteForceAUC(pos, neg)) < 1e-12)
        }
    }

    @Test("TPR at FPR equals a brute-force threshold scan on random inputs")
    func tprAtFPRMatchesScan() {
        var rng = SeededGenerator(seed: 12)
        for trial in 0..<60 {
            let pos = Self.randomScores(&rng, count: 5 + Int(rng.next() % 120), shift: 2, levels: 4 + trial % 30)
            let neg = Self.randomScores(&rng, count: 5 + Int(rng.next() % 120), shift: 0, levels: 4 + trial % 30)
            let curve = ROCCurve(positiveScores: pos, negativeScores: neg)
            for target in [0.0, 0.001, 0.01, 0.05, 0.1, 0.3, 1.0] {
                #expect(curve.point(atFPR: target).tpr == Self.bruteForceTPR(pos, neg, target: target))
            }
        }
    }

    @Test("tied scores move TPR and FPR in one step")
    func tiesAreOneStep() {
        let curve = ROCCurve(positiveScores: [3, 2, 2], negativeScores: [2, 1])
        #expect(curve.points.map(\.truePositives) == [0, 1, 3, 3])
        #expect(curve.points.map(\.falsePositives) == [0, 0, 1, 2])
        // Pairs: 3>2, 3>1, (2=2)·2 halves, 2>1 twice ⇒ (1 + 1 + 0.5 + 0.5 + 1 + 1) / 6.
        #expect(abs(curve.auc - 5.0 / 6.0) < 1e-12)
        #expect(ROCCurve(positiveScores: [1, 1], negativeScores: [1, 1]).auc == 0.5)
    }

    @Test("downsampled ROC keeps both ends and the low-FPR detail")
    func downsampling() {
        var rng = SeededGenerator(seed: 13)
        let pos = (0..<5000).map { _ in Double(rng.nextGaussian()) + 1 }
        let neg = (0..<5000).map { _ in Double(rng.nextGaussian()) }
        let curve = ROCCurve(positiveScores: pos, negativeScores: neg)
        let small = curve.downsampled()
        #expect(small.count < 300)
        #expect(small.first == curve.points.first)
        #expect(small.last == curve.points.last)
        #expect(small.filter { $0.fpr > 0 && $0.fpr <= 0.001 }.count >= 3)
        #expect(zip(small, small.dropFirst()).allSatisfy { $0.fpr <= $1.fpr && $0.tpr <= $1.tpr })
    }
}
