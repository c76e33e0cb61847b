import Foundation
import Testing

@testable import AIRiskProbes

@Suite("LiRA statistics")
struct MembershipLiRATests {
    /// Four models, two records; record 0 is IN for models 0 and 2, record 1 for models 1 and 3.
    static let refs = LiRAReferenceSet(
        phi: [[4, 0], [1, 5], [6, 1], [0, 7]],
        isIn: [[true, false], [false, true], [true, false], [false, true]])

    @Test("per-record Gaussians: means and sample standard deviations")
    func perRecord() {
        let s = LiRAAttack.statistics(Self.refs, fixedVariance: false)
        #expect(s.meanIn == [5, 6])
        #expect(s.meanOut == [0.5, 0.5])
        #expect(abs(s.stdIn[0] - 2.0.squareRoot()) < 1e-12)
        #expect(abs(s.stdOut[1] - 0.5.squareRoot()) < 1e-12)
        let online = LiRAAttack.online(target: [5, 0.5], s)
        let expected0 =
            LiRAAttack.logNormal(5, mean: 5, std: s.stdIn[0]) - LiRAAttack.logNormal(5, mean: 0.5, std: s.stdOut[0])
        #expect(abs(online[0] - expected0) < 1e-12)
        #expect(online[0] > 0 && online[1] < 0)
        let offline = LiRAAttack.offline(target: [5, 0.5], s)
        #expect(abs(offline[0] - 4.5 / s.stdOut[0]) < 1e-12)
        #expect(offline[1] == 0)
    }

    @Test("fixed variance pools one σ_in over all records' IN models and one σ_out over their OUT models")
    func fixed() {
        let s = LiRAAttack.statistics(Self.refs, fixedVariance: true)
        // IN squared deviations sum to 4 over 2 degrees of freedom, OUT to 1 over 2.
        #expect(s.stdIn.allSatisfy { abs($0 - 2.0.squareRoot()) < 1e-12 })
        #expect(s.stdOut.allSatisfy { abs($0 - 0.5.squareRoot()) < 1e-12 })
        #expect(s.meanIn == [5, 6])
        #expect(s.meanOut == [0.5, 0.5])
    }

    @Test("shared fixed variance pools one σ over all records and both IN and OUT models")
    func shared() {
        let s = LiRAAttack.statistics(Self.refs, fixedVariance: true, sharedVariance: true)
        // IN squared deviations sum to 4 over 2 degrees of freedom, OUT to 1 over 2: pooled 5 / 4.
        let pooled = (5.0 / 4.0).squareRoot()
        #expect(s.stdIn.allSatisfy { abs($0 - pooled) < 1e-12 })
        #expect(s.stdOut.allSatisfy { abs($0 - pooled) < 1e-12 })
        // With one shared σ the online score is monotone in φ: more confident ⇒ more likely a member.
        let veryConfident = LiRAAttack.online(target: [9, 0.5], s)
        let asConfidentAsIn = LiRAAttack.online(target: [5, 0.5], s)
        #expect(veryConfident[0] > asConfidentAsIn[0])
    }

    @Test("a record no model trained on takes the other records' mean IN − OUT shift")
    func missingIn() {
        let refs = LiRAReferenceSet(
            phi: [[4, 0], [2, 1], [6, 1]], isIn: [[true, false], [false, false], [true, false]])
        let s = LiRAAttack.statistics(refs, fixedVariance: true)
        #expect(s.withoutIn == 1 && s.withoutOut == 0)
        // Record 0: μ_in 5, μ_out 2 (shift 3); record 1: μ_out 2/3, so μ_in = 2/3 + 3.
        #expect(abs(s.meanIn[1] - (2.0 / 3 + 3)) < 1e-12)
    }
}
