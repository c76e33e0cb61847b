import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskProbes

@Suite("Membership metrics")
struct MetricMembershipTests {
    @Test("advantage, balanced accuracy and ε on a perfectly separating attack")
    func perfectSeparation() {
        let members = (0..<1000).map { 10 + Double($0) }
        let non = (0..<1000).map { Double($0) / 1000 }
        let m = MembershipMetrics(
            memberScores: members, nonMemberScores: non, memberLabels: .init(repeating: 0, count: 1000),
            nonMemberLabels: .init(repeating: 0, count: 1000))
        #expect(m.auc == 1)
        #expect(m.advantage == 1)
        #expect(m.balancedAccuracy == 1)
        // TPR_lo = 0.025^(1/1000), FPR_hi = 1 − 0.025^(1/1000) at the separating threshold.
        let lo = pow(0.025, 1.0 / 1000)
        #expect(abs(m.epsilon.epsilon - log((lo - 1e-5) / (1 - lo))) < 1e-6)
        #expect(m.topExposed.count == 20)
        #expect(m.topExposed.first == ExposedRecord(index: 999, score: 1009))
        #expect(m.histogram.members.reduce(0, +) == 1000)
        #expect(m.histogram.nonMembers.reduce(0, +) == 1000)
    }

    @Test("an attack with no signal has AUC ≈ ½ and ε bound 0")
    func noSignal() {
        var rng = SeededGenerator(seed: 5)
        let a = (0..<2000).map { _ in Double(rng.nextGaussian()) }
        let b = (0..<2000).map { _ in Double(rng.nextGaussian()) }
        let labelsA = (0..<2000).map { $0 % 3 }
        let m = MembershipMetrics(memberScores: a, nonMemberScores: b, memberLabels: labelsA, nonMemberLabels: labelsA)
        #expect(abs(m.auc - 0.5) < 0.04)
        #expect(m.epsilon.epsilon == 0)
        #expect(m.perClassAUC.map(\.label) == [0, 1, 2])
        #expect(m.perClassAUC.allSatisfy { abs($0.auc - 0.5) < 0.07 })
        #expect(abs(m.balancedAccuracy - (1 + m.advantage) / 2) < 1e-12)
    }

    @Test("per-class AUC uses only that class's records")
    func perClass() {
        let m = MembershipMetrics(
            memberScores: [5, 6, 0], nonMemberScores: [1, 2, 9], memberLabels: [0, 0, 1], nonMemberLabels: [0, 0, 1])
        #expect(
            m.perClassAUC == [
                ClassAUC(label: 0, auc: 1, members: 2, nonMembers: 2),
                ClassAUC(label: 1, auc: 0, members: 1, nonMembers: 1),
            ])
    }
}
