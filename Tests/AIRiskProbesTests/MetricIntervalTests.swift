import Foundation
import Testing

@testable import AIRiskProbes

@Suite("Clopper–Pearson intervals")
struct MetricIntervalTests {
    @Test("edge cases have closed forms: 0 and n successes")
    func closedForms() {
        for n in [1, 7, 50, 500] {
            let zero = ClopperPearson.interval(successes: 0, trials: n)
            #expect(zero.lower == 0)
            #expect(abs(zero.upper - (1 - pow(0.025, 1 / Double(n)))) < 1e-9)
            let all = ClopperPearson.interval(successes: n, trials: n)
            #expect(all.upper == 1)
            #expect(abs(all.lower - pow(0.025, 1 / Double(n))) < 1e-9)
        }
    }

    @Test("interior bounds are the binomial tail quantiles")
    func interiorBounds() {
        // At the lower bound, P(X ≥ k) = α/2; at the upper bound, P(X ≤ k) = α/2.
        func binomialCDF(_ k: Int, _ n: Int, _ p: Double) -> Double {
            var s = 0.0
            for i in 0...k {
                s += exp(
                    lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1))
                        + Double(i) * log(p) + Double(n - i) * log1p(-p))
            }
            return s
        }
        for (k, n) in [(5, 10), (1, 500), (37, 120), (499, 500)] {
            let ci = ClopperPearson.interval(successes: k, trials: n)
            #expect(abs((1 - binomialCDF(k - 1, n, ci.lower)) - 0.025) < 1e-7)
            #expect(abs(binomialCDF(k, n, ci.upper) - 0.025) < 1e-7)
            #expect(ci.lower < ci.estimate && ci.estimate < ci.upper)
        }
        let half = ClopperPearson.interval(successes: 5, trials: 10)
        #expect(abs(half.lower - 0.187086) < 1e-5)
        #expect(abs(half.upper - 0.812914) < 1e-5)
    }

    @Test("a low-FPR figure says when it rests on zero allowed false positives")
    func lowFPRNote() {
        let neg = (0..<500).map { Double($0) }
        let pos = (0..<500).map { Double($0) + 400 }
        let curve = ROCCurve(positiveScores: pos, negativeScores: neg)
        let tiny = LowFPRFigure(curve: curve, targetFPR: 0.001)
        #expect(tiny.maxFalsePositives == 0)
        #expect(tiny.falsePositives == 0)
        #expect(tiny.tpr.successes == 400)
        #expect(tiny.note?.contains("0 false positives") == true)
        let ten = LowFPRFigure(curve: curve, targetFPR: 0.1)
        #expect(ten.maxFalsePositives == 50)
        #expect(ten.falsePositives == 50)
        #expect(ten.tpr.successes == 450)
        #expect(ten.note == nil)
    }
}
