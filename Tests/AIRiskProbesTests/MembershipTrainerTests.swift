import AIRiskAccess
import AIRiskTensor
import Testing

@testable import AIRiskProbes

@Suite("In-process softmax trainer")
struct MembershipTrainerTests {
    /// Fits `trainer` to the synthetic members (4 classes).
    static func fit(_ trainer: SoftmaxNetworkTrainer, seed: UInt64) throws -> SoftmaxNetwork {
        try fitReport(trainer, seed: seed).network
    }

    static func fitReport(_ trainer: SoftmaxNetworkTrainer, seed: UInt64) throws -> SoftmaxNetworkTrainer.FitReport {
        let data = MembershipFixture.members
        return try trainer.fitReport(
            features: data.scalars, rows: data.count, featureCount: data.rowWidth, labels: data.labels, classCount: 4,
            seed: seed)
    }

    @Test("an MLP fits its training set and is deterministic in the seed")
    func fitsAndIsDeterministic() async throws {
        let data = MembershipFixture.members
        let trainer = MembershipFixture.overfitTrainer
        let a = try Self.fit(trainer, seed: 3)
        let b = try Self.fit(trainer, seed: 3)
        let c = try Self.fit(trainer, seed: 4)
        #expect(a == b)
        #expect(a != c)
        let model = SoftmaxNetworkModel(network: a, inputShape: [data.rowWidth])
        let out = try await model.predict(data.features)
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
        let trainer = SoftmaxNetworkTrainer(hiddenSizes: [], epochs: 100, batchSize: 20, learningRate: 0.05)
        let net = try trainer.fit(features: x, rows: 200, featureCount: 2, labels: y, classCount: 2, seed: 1)
        let p = net.probabilities(x, rows: 200)
        let correct = (0..<200).filter { (p[2 * $0 + 1] > 0.5 ? 1 : 0) == y[$0] }.count
        #expect(correct >= 194)
    }

    @Test("dropout trains a network that still fits, deterministic in the seed and different from no dropout")
    func dropout() async throws {
        let data = MembershipFixture.members
        var trainer = MembershipFixture.overfitTrainer
        let plain = try Self.fit(trainer, seed: 3)
        trainer.dropout = 0.5
        let a = try Self.fit(trainer, seed: 3)
        let b = try Self.fit(trainer, seed: 3)
        #expect(a == b)
        #expect(a != plain)
        let out = try await SoftmaxNetworkModel(network: a, inputShape: [data.rowWidth]).predict(data.features)
        let accuracy = Double(zip(out.labels, data.labels).filter { $0 == $1 }.count) / Double(data.count)
        #expect(accuracy > 0.9, "training accuracy with dropout \(accuracy)")
        trainer.dropout = 1
        #expect(throws: MembershipProbeError.self) {
            _ = try Self.fit(trainer, seed: 3)
        }
    }

    @Test("early stopping stops once the validation loss stalls and keeps the best epoch's weights")
    func earlyStopping() throws {
        let validation = MembershipFixture.nonMembers
        var trainer = MembershipFixture.overfitTrainer
        trainer.earlyStopping = .init(validation: validation, patience: 3)
        let report = try Self.fitReport(trainer, seed: 3)
        #expect(report.epochsTrained < trainer.epochs, "the overfit recipe should stall on held-out data")
        #expect(report.keptEpoch == report.epochsTrained - 3)
        let stopped = SoftmaxNetworkTrainer.crossEntropy(
            report.network, standardised: report.network.standardised(validation.scalars, rows: validation.count),
            labels: validation.labels)
        #expect(abs(stopped - (report.validationLoss ?? .nan)) < 1e-9)
        // The full run ends with a higher held-out loss than the kept epoch.
        trainer.earlyStopping = nil
        let full = try Self.fitReport(trainer, seed: 3)
        #expect(full.epochsTrained == trainer.epochs && full.validationLoss == nil)
        let fullLoss = SoftmaxNetworkTrainer.crossEntropy(
            full.network, standardised: full.network.standardised(validation.scalars, rows: validation.count),
            labels: validation.labels)
        #expect(fullLoss > stopped, "held-out loss \(fullLoss) after every epoch, \(stopped) when stopped")
    }

    @Test("bad labels are rejected")
    func badLabels() {
        #expect(throws: MembershipProbeError.self) {
            _ = try SoftmaxNetworkTrainer().fit(
                features: [0, 1], rows: 2, featureCount: 1, labels: [0, 5], classCount: 2, seed: 0)
        }
    }
}
