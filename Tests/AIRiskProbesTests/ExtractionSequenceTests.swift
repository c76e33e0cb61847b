import AIRiskAccess
import AIRiskTensor
import Testing

@testable import AIRiskProbes

@Suite("Extraction: sequence models")
struct ExtractionSequenceTests {
    @Test("the leakiest step is found from per-step accuracy and distilled")
    func leakiestStep() async throws {
        let signal = AffineSoftmaxTarget(rows: 3, features: 6, classes: 3, scale: 1, seed: 31)
        let noise = AffineSoftmaxTarget(rows: 3, features: 6, classes: 3, scale: 1, seed: 32)
        let target = MixedSequenceTarget(signal: signal, noise: noise, mixing: [0, 0.3, 1, 0.6])
        let pub = try await ExtractionTestData.labelled(by: signal, rows: 600, seed: 33)
        let eval = try await ExtractionTestData.labelled(by: signal, rows: 300, seed: 34)
        let config = ExtractionConfiguration(
            budgets: [100, 500], sources: [.publicData], classificationLosses: [.soft(temperature: 4)],
            sequenceProbeRows: 150, seed: 6)
        let counter = CountingModel(target)
        let result = try await ExtractionProbe(configuration: config).run(
            model: counter, publicData: pub, evaluationData: eval)
        let s = try #require(result.sequence)
        #expect(s.perStepAccuracy.count == 4)
        #expect(s.chosenStep == 2)
        #expect(s.perStepAccuracy[2] == 1.0)
        #expect(s.perStepAccuracy[0] < 0.9)
        #expect(s.probeRows == 150)
        // The chosen step is itself a softmax of an affine map, so equation solving recovers it too.
        let e = try #require(result.equationSolving)
        #expect(e.isOfForm)
        #expect(e.fidelity == 1.0)
        #expect(result.queriesUsed == 150 + e.recoveryQueries + e.verificationQueries + 500)
        #expect(counter.count.rows == result.queriesUsed + eval.count)
        #expect(try #require(result.curves.first).bestFidelity >= 0.9)
    }
}
