import AIRiskAccess
import AIRiskTensor
import Testing

@testable import AIRiskProbes

/// Presents a model's flat input as `shape` (e.g. [steps, features per step]).
struct ReshapedTarget: ModelAccess {
    let base: any ModelAccess
    let shape: [Int]

    var description: ModelDescription {
        var d = base.description
        d.inputShape = shape
        return d
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let n = batch.shape[0]
        return try await base.predict(Tensor(shape: [n, shape.reduce(1, *)], scalars: batch.floats ?? []))
    }
}

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
            budgets: [100, 500], sources: [.publicData], sequenceSurrogates: [.rnn(hidden: 8), .mlp(hidden: [64])],
            classificationLosses: [.soft(temperature: 4)],
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
        // The input has one axis, so the recurrent surrogate is dropped with a note and the MLP copies.
        #expect(result.curves.map(\.surrogate) == [.mlp(hidden: [64])])
        #expect(result.notes.contains { $0.contains("recurrent surrogates skipped") })
        #expect(try #require(result.curves.first).bestFidelity >= 0.9)
    }

    @Test("an RNN surrogate reads the first input axis as time and copies the leakiest step")
    func rnnSurrogate() async throws {
        let signal = AffineSoftmaxTarget(rows: 3, features: 6, classes: 3, scale: 1, seed: 51)
        let noise = AffineSoftmaxTarget(rows: 3, features: 6, classes: 3, scale: 1, seed: 52)
        let target = ReshapedTarget(
            base: MixedSequenceTarget(signal: signal, noise: noise, mixing: [0.2, 1, 0.5]), shape: [3, 2])
        let flat = try await ExtractionTestData.labelled(by: signal, rows: 600, seed: 53)
        let evalFlat = try await ExtractionTestData.labelled(by: signal, rows: 300, seed: 54)
        func reshaped(_ data: LabeledData) throws -> LabeledData {
            try LabeledData(
                features: Tensor(shape: [data.count, 3, 2], scalars: data.features.floats ?? []), labels: data.labels)
        }
        let config = ExtractionConfiguration(
            budgets: [100, 500], sources: [.publicData], sequenceSurrogates: [.rnn(hidden: 16)],
            classificationLosses: [.soft(temperature: 4)], equationSolving: false, sequenceProbeRows: 100, seed: 8)
        let result = try await ExtractionProbe(configuration: config).run(
            model: target, publicData: try reshaped(flat), evaluationData: try reshaped(evalFlat))
        #expect(result.sequence?.chosenStep == 1)
        let curve = try #require(result.curves.first)
        #expect(curve.surrogate == .rnn(hidden: 16))
        #expect(curve.bestFidelity >= 0.9, "\(curve.points.map(\.fidelity))")
    }
}
