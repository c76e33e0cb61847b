import AIRiskResults
import Testing

@testable import AIRiskAssessment

@Suite("a claimed differential-privacy ε")
struct EpsilonClaimTests {
    static func membership(epsilon: Double?, status: ProbeStatus = .ran) -> ProbeResult {
        ProbeResult(
            id: "membership", title: "Membership inference", accessAssumed: "scores", seed: 0, status: status,
            metrics: epsilon.map {
                [Metric(id: .membershipEpsilon, name: "Empirical ε lower bound", value: $0, basis: "LiRA offline")]
            } ?? [])
    }

    @Test("a lower bound above the claim refutes it, naming both values")
    func refuted() {
        let check = EpsilonClaim(claimed: 1).check([Self.membership(epsilon: 2.4)])
        #expect(check.note == nil)
        #expect(check.warnings.count == 1)
        #expect(check.warnings.first?.contains("ε = 1 is refuted") == true)
        #expect(check.warnings.first?.contains("ε ≥ 2.4") == true)
    }

    @Test("a lower bound at or below the claim is only consistent with it, said as a note")
    func consistent() {
        let check = EpsilonClaim(claimed: 8).check([Self.membership(epsilon: 0.3)])
        #expect(check.warnings.isEmpty)
        #expect(check.note?.contains("consistent") == true)
        #expect(check.note?.contains("never confirm") == true)
    }

    @Test("without a membership run the claim is not checked, and the warning says so")
    func notChecked() {
        #expect(EpsilonClaim(claimed: 8).check([]).warnings.first?.contains("not checked") == true)
        let skipped = Self.membership(epsilon: nil, status: .skipped(reason: "labels only"))
        #expect(EpsilonClaim(claimed: 8).check([skipped]).warnings.first?.contains("did not run") == true)
    }
}
