import Foundation
import Testing

@testable import AIRiskAssessment

/// Inversion's lead over public data counts as leakage only when the reconstructions beat the non-members' class
/// mean in clearly more classes than a coin would: a one-sided sign test at 5 %.
@Suite("Inversion: sign test against the public baseline")
struct InversionSignTestTests {
    static let cases: [(successes: Int, trials: Int, expected: Double)] = [
        (9, 10, 11.0 / 1024), (8, 10, 56.0 / 1024), (7, 10, 176.0 / 1024), (10, 10, 1.0 / 1024), (0, 10, 1.0),
    ]

    @Test("the sign test's p-value is the binomial upper tail")
    func pValue() {
        for c in Self.cases {
            let p = InversionRun.signTestPValue(successes: c.successes, trials: c.trials)
            #expect(abs(p - c.expected) <= 1e-12 * max(1, c.expected), "\(c.successes) of \(c.trials): \(p)")
        }
    }

    @Test("10 classes: 9 beyond public data is evidence, 8 is not")
    func threshold() {
        #expect(InversionRun.signTestPValue(successes: 9, trials: 10) <= 0.05)
        #expect(InversionRun.signTestPValue(successes: 8, trials: 10) > 0.05)
        // Two classes can never clear 5 %: a binary model's inversion needs more than a lead over public data.
        #expect(InversionRun.signTestPValue(successes: 2, trials: 2) > 0.05)
    }
}
