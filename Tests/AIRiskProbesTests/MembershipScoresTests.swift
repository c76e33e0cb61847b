import AIRiskAccess
import Foundation
import Testing

@testable import AIRiskProbes

@Suite("Membership scores")
struct MembershipScoresTests {
    @Test("p_y = 1.0 in float32 still ranks records by how small the other classes are")
    func saturatedProbabilities() throws {
        let out = ModelOutput(
            kind: .probabilities, rows: 3, scores: [1, 1e-9, 1e-9, 1, 1e-12, 0, 0.9, 0.05, 0.05], width: 3,
            labels: [0, 0, 0])
        let lp = try #require(LogProbabilities(out))
        let conf = ThresholdScores.confidence(lp, labels: [0, 0, 0])
        #expect(abs(conf[0] - (-log(2e-9))) < 1e-6)
        #expect(conf[1] > conf[0])
        #expect(conf[0] > conf[2])
        let loss = ThresholdScores.loss(lp, labels: [0, 0, 0])
        #expect(loss[1] > loss[0] && loss[0] > loss[2])
        #expect(abs(loss[0] - log1p(-2e-9)) < 1e-15)
        let mentr = ThresholdScores.modifiedEntropy(lp, labels: [0, 0, 0])
        #expect(mentr[1] > mentr[0] && mentr[0] > mentr[2])
    }

    @Test("logits go through a stable log-softmax")
    func logits() throws {
        let out = ModelOutput(kind: .logits, rows: 2, scores: [40, 0, 0, 80, 0, 0], width: 3, labels: [0, 0])
        let lp = try #require(LogProbabilities(out))
        let conf = ThresholdScores.confidence(lp, labels: [0, 0])
        #expect(abs(conf[0] - (40 - log(2))) < 1e-9)
        #expect(abs(conf[1] - (80 - log(2))) < 1e-9)
        let loss = ThresholdScores.loss(lp, labels: [0, 0])
        #expect(abs(loss[0] + 2 * exp(-40)) < 1e-30)
        // Wrong-class records: log p_y = −40 − log(1 + 2e^-40) ≈ −40.
        let wrong = ThresholdScores.loss(lp, labels: [1, 1])
        #expect(abs(wrong[0] - (-40)) < 1e-9)
        #expect(abs(wrong[1] - (-80)) < 1e-9)
    }

    @Test("entropy and modified entropy match their definitions on an unsaturated row")
    func definitions() throws {
        let p: [Double] = [0.7, 0.2, 0.1]
        let out = ModelOutput(kind: .probabilities, rows: 1, scores: p.map(Float.init), width: 3, labels: [0])
        let lp = try #require(LogProbabilities(out))
        let pf = p.map { Double(Float($0)) }
        let entropy = pf.reduce(0) { $0 + $1 * log($1) }
        #expect(abs(ThresholdScores.entropy(lp)[0] - entropy) < 1e-6)
        let y = 1
        let mentr = -(1 - pf[y]) * log(pf[y]) - pf[0] * log(1 - pf[0]) - pf[2] * log(1 - pf[2])
        #expect(abs(ThresholdScores.modifiedEntropy(lp, labels: [y])[0] + mentr) < 1e-6)
    }
}
