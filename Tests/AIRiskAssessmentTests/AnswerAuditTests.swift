import AIRiskAccess
import Testing

@testable import AIRiskAssessment

@Suite("Answer audit")
struct AnswerAuditTests {
    @Test("NaN or infinite answers and declared probabilities that are not are counted per row")
    func counts() {
        let audit = AnswerAudit()
        let rows: [Float] = [
            0.2, 0.8,  // a probability row
            .nan, 1,  // non-finite
            1.5, -0.5,  // sums to 1 but leaves [0, 1]
            0.3, 0.3,  // inside [0, 1] but sums to 0.6
        ]
        audit.record(
            ModelOutput(kind: .probabilities, rows: 4, scores: rows, width: 2, labels: [1, 1, 0, 0]),
            checkProbabilities: true)
        #expect(audit.snapshot == AnswerAudit.Counts(rows: 4, nonFiniteRows: 1, notProbabilityRows: 2))
        let warnings = Assessor.answerWarnings(audit.snapshot)
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("NaN or infinite") })
        #expect(warnings.contains { $0.contains("do not sum") })
    }

    @Test("logits are not held to the probability checks")
    func logitsAreScores() {
        let audit = AnswerAudit()
        audit.record(
            ModelOutput(kind: .logits, rows: 1, scores: [3, -2], width: 2, labels: [0]), checkProbabilities: false)
        #expect(audit.snapshot.notProbabilityRows == 0)
        #expect(Assessor.answerWarnings(audit.snapshot).isEmpty)
    }
}
