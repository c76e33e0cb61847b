import AIRiskCatalog
import AIRiskResults
import Testing

@testable import AIRiskAssessment

@Suite("Risk scorer")
struct RiskScorerTests {
    let scorer: RiskScorer
    let context = ScoringContext(sensitivity: .medium, exposure: "internal", access: "scores")

    init() throws {
        scorer = RiskScorer(catalog: try Catalog.bundled())
    }

    func evidence(lower: Double, chance: Double = 0.01) -> LeakageEvidence {
        LeakageEvidence(
            name: "TPR at 1 % FPR", value: lower + 0.02, lower: lower, upper: lower + 0.05, chance: chance,
            basis: "test")
    }

    @Test("an interval that does not exclude chance gives Note, whatever the context")
    func chanceIsNote() throws {
        for sensitivity in DataSensitivity.allCases {
            for exposure in ["public-api", "internal", "offline"] {
                let s = try scorer.score(
                    probe: "membership", evidence: evidence(lower: 0.009),
                    context: ScoringContext(sensitivity: sensitivity, exposure: exposure, access: "white-box"))
                #expect(s.severity == .note)
                #expect(s.rationale.contains("no measurable leakage"))
            }
        }
    }

    @Test("severity never falls as the lower bound rises, and spans at least three levels")
    func monotone() throws {
        for probe in ["membership", "inversion", "extraction"] {
            var last = Severity.note
            var seen = Set<Severity>()
            for step in 0...100 {
                let lower = Double(step) / 100
                let s = try scorer.score(probe: probe, evidence: evidence(lower: lower, chance: 0.01), context: context)
                #expect(s.severity >= last, "\(probe) at \(lower)")
                last = s.severity
                seen.insert(s.severity)
            }
            #expect(seen.count >= 3, "\(probe): \(seen)")
        }
    }

    @Test("context moves impact, is printed, and never moves likelihood")
    func contextMovesImpact() throws {
        let e = evidence(lower: 0.2)
        let internalUse = try scorer.score(probe: "membership", evidence: e, context: context)
        let publicAPI = try scorer.score(
            probe: "membership", evidence: e,
            context: ScoringContext(sensitivity: .medium, exposure: "public-api", access: "scores"))
        #expect(internalUse.likelihood == publicAPI.likelihood)
        #expect(publicAPI.impact.score > internalUse.impact.score)
        #expect(publicAPI.severity >= internalUse.severity)
        #expect(publicAPI.context.contains("exposure public-api"))
        #expect(internalUse.rationale.contains(internalUse.context))
    }

    @Test("an unknown exposure is refused naming the known ones")
    func unknownExposure() {
        #expect {
            _ = try scorer.score(
                probe: "membership", evidence: evidence(lower: 0.2),
                context: ScoringContext(sensitivity: .medium, exposure: "cloud", access: "scores"))
        } throws: { "\($0)".contains("public-api") }
    }
}
