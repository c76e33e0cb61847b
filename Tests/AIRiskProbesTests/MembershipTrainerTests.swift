import AIRiskAccess
import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskProbes

@Suite("In-process classifier trainer (engine)")
struct MembershipTrainerTests {
    /// Fits `trainer` to the synthetic members (4 classes).
    static func fit(_ trainer: EngineNetworkTrainer, seed: UInt64) throws -> EngineNetworkTrainer.FitReport {
        try trainer.fit(MembershipFixture.members, classCount: 4, seed: seed)
    }

    /// The model's class probabilities on `data`, flat.
    static func scores(_ model: EngineNetworkModel, _ data: LabeledData) async throws -> [Float] {
        try await model.predict(data.features).scores
    }

    /// Mean softmax cross-entropy of `model` on `data`.
    static func crossEntropy(_ model: EngineNetworkModel, _ data: LabeledData) async throws -> Double {
        let out = try await model.predict(data.features)
        var total = 0.0
        for r in 0..<out.rows { total -= log(Double(Array(out.row(r))[data.labels[r]])) }
        return total / Double(max(out.rows, 1))
    }

    @Test("an MLP fits its training set and is deterministic in the seed")
    func fitsAndIsDeterministic() async throws {
        let data = MembershipFixture.members
        let trainer = MembershipFixture.overfitTrainer
        let a = try Self.fit(trainer, seed: 3).model
        let b = try Self.fit(trainer, seed: 3).model
        let c = try Self.fit(trainer, seed: 4).model
        #expect(try await Self.scores(a, data) == Self.scores(b, data))
        #expect(try await Self.scores(a, data) != Self.scores(c, data))
        let out = try await a.predict(data.features)
        let accuracy = Double(zip(out.labels, data.labels).filter { $0 == $1 }.count) / Double(data.count)
        #expect(accuracy > 0.95)
        #expect((0..<out.rows).allSatisfy { abs(out.row($0).reduce(0, +) - 1) < 1e-4 })
    }

    @Test("logistic regression (no hidden layer) learns a linearly separable task")
    func logistic() async throws {
        var rng = SeededGenerator(seed: 2)
        var x: [Float] = []
        var y: [Int] = []
        for _ in 0..<200 {
            let a = rng.nextGaussian()
            let b = rng.nextGaussian()
            x += [a, b]
            y.append(a + 2 * b > 0 ? 1 : 0)
        }
        let data = try LabeledData(features: Tensor(shape: [200, 2], scalars: x), labels: y)
        let trainer = EngineNetworkTrainer(hiddenSizes: [], epochs: 100, batchSize: 20, learningRate: 0.05)
        let out = try await trainer.fit(data, classCount: 2, seed: 1).model.predict(data.features)
        let correct = (0..<200).filter { out.labels[$0] == y[$0] }.count
        #expect(correct >= 194)
    }

    @Test("dropout trains a network that still fits, deterministic in the seed and different from no dropout")
    func dropout() async throws {
        let data = MembershipFixture.members
        var trainer = MembershipFixture.overfitTrainer
        let plain = try Self.fit(trainer, seed: 3).model
        trainer.dropout = 0.5
        let a = try Self.fit(trainer, seed: 3).model
        let b = try Self.fit(trainer, seed: 3).model
        #expect(try await Self.scores(a, data) == Self.scores(b, data))
        #expect(try await Self.scores(a, data) != Self.scores(plain, data))
        let out = try await a.predict(data.features)
        let accuracy = Double(zip(out.labels, data.labels).filter { $0 == $1 }.count) / Double(data.count)
        #expect(accuracy > 0.9, "training accuracy with dropout \(accuracy)")
        trainer.dropout = 1
        #expect(throws: MembershipProbeError.self) {
            _ = try Self.fit(trainer, seed: 3)
        }
    }

    @Test("early stopping stops once the validation loss stalls and keeps the best epoch's weights")
    func earlyStopping() async throws {
        let validation = MembershipFixture.nonMembers
        var trainer = MembershipFixture.overfitTrainer
        trainer.earlyStopping = .init(validation: validation, patience: 3)
        let report = try Self.fit(trainer, seed: 3)
        #expect(report.epochsTrained < trainer.epochs, "the overfit recipe should stall on held-out data")
        #expect(report.keptEpoch == report.epochsTrained - 3)
        let stopped = try await Self.crossEntropy(report.model, validation)
        let reported = try #require(report.validationLoss)
        #expect(abs(stopped - reported) < 1e-3 * max(1, abs(reported)))
        // The full run ends with a higher held-out loss than the kept epoch.
        trainer.earlyStopping = nil
        let full = try Self.fit(trainer, seed: 3)
        #expect(full.epochsTrained == trainer.epochs && full.validationLoss == nil)
        let fullLoss = try await Self.crossEntropy(full.model, validation)
        #expect(fullLoss > stopped, "held-out loss \(fullLoss) after every epoch, \(stopped) when stopped")
    }

    @Test("bad labels are rejected")
    func badLabels() throws {
        let data = try LabeledData(features: Tensor(shape: [2, 1], scalars: [0, 1]), labels: [0, 5])
        #expect(throws: MembershipProbeError.self) {
            _ = try EngineNetworkTrainer().fit(data, classCount: 2, seed: 0)
        }
    }
}
