import AIRiskAccess
import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskProbes

/// A many-to-many model whose answer at `leakyStep` gives its members away: there a member's true class gets 0.95,
/// while every other answer draws p_y from the record's own noise features, members or not. A row is
/// [record id, label, one noise value per step].
private struct LeakyStepTarget: ModelAccess {
    let members: Set<Int>
    let steps: Int
    let classes: Int
    let leakyStep: Int?

    var description: ModelDescription {
        ModelDescription(
            name: "leaky-step", inputShape: [2 + steps], outputKind: .sequence, outputWidth: classes,
            sequenceLength: steps, providesInputGradients: false)
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let n = batch.shape[0]
        let d = 2 + steps
        let x = batch.floats ?? []
        var scores: [Float] = []
        for r in 0..<n {
            let id = Int(x[r * d].rounded())
            let y = Int(x[r * d + 1].rounded())
            for t in 0..<steps {
                let py: Float = t == leakyStep && members.contains(id) ? 0.95 : 0.3 + 0.6 * x[r * d + 2 + t]
                for c in 0..<classes { scores.append(c == y ? py : (1 - py) / Float(classes - 1)) }
            }
        }
        return ModelOutput(kind: .sequence, rows: n, scores: scores, width: classes * steps, labels: [])
    }

    static func data(ids: Range<Int>, steps: Int, classes: Int, seed: UInt64) throws -> LabeledData {
        var rng = SeededGenerator(seed: seed)
        var x: [Float] = []
        for id in ids {
            x += [Float(id), Float(id % classes)] + (0..<steps).map { _ in rng.nextUniform() }
        }
        return try LabeledData(
            features: Tensor(shape: [ids.count, 2 + steps], scalars: x), labels: ids.map { $0 % classes })
    }
}

@Suite("Membership: sequence models")
struct MembershipSequenceTests {
    @Test("an earlier step that leaks is found on held-out halves; the final step's attacks see chance")
    func leakyEarlierStep() async throws {
        let members = try LeakyStepTarget.data(ids: 0..<200, steps: 5, classes: 4, seed: 1)
        let nonMembers = try LeakyStepTarget.data(ids: 200..<450, steps: 5, classes: 4, seed: 2)
        let target = LeakyStepTarget(members: Set(0..<200), steps: 5, classes: 4, leakyStep: 2)
        let config = MembershipProbeConfiguration(attacks: [.loss, .confidence], seed: 3)
        let r = try await MembershipProbe(configuration: config).run(
            model: target, members: members, nonMembers: nonMembers, population: nil)
        let s = try #require(r.sequence)
        #expect(s.steps == 5 && s.classes == 4 && s.attackedStep == 4)
        #expect(s.chosenSteps == [2, 2])
        #expect(s.perStepLossAUC[2] > 0.95)
        for t in [0, 1, 3, 4] { #expect(abs(s.perStepLossAUC[t] - 0.5) < 0.1, "step \(t): \(s.perStepLossAUC[t])") }
        let finalLoss = try #require(r.result(for: .loss))
        #expect(abs(finalLoss.metrics.auc - 0.5) < 0.1)
        let leaky = try #require(r.result(for: .leakiestStepLoss))
        #expect(leaky.metrics.auc > 0.95)
        #expect(leaky.memberScores.count == 200 && leaky.nonMemberScores.count == 250)
        #expect(r.outputKind == .sequence && r.modelName == "leaky-step")
        // The final step's attacks query the records once, the per-step measurement once more.
        #expect(r.queries.rows == 2 * 450)
        #expect(r.notes.first?.contains("5 steps") == true)
    }

    @Test("with no leaky step, choosing on held-out halves stays at chance where choosing on all records does not")
    func crossFittingIsHonest() async throws {
        var leakiest: [Double] = []
        var bestInSample: [Double] = []
        for seed in 0..<12 {
            let members = try LeakyStepTarget.data(ids: 0..<150, steps: 8, classes: 3, seed: UInt64(100 + seed))
            let nonMembers = try LeakyStepTarget.data(ids: 150..<300, steps: 8, classes: 3, seed: UInt64(200 + seed))
            let target = LeakyStepTarget(members: Set(0..<150), steps: 8, classes: 3, leakyStep: nil)
            let r = try await MembershipProbe(configuration: MembershipProbeConfiguration(attacks: [.loss], seed: 7))
                .run(model: target, members: members, nonMembers: nonMembers, population: nil)
            leakiest.append(try #require(r.result(for: .leakiestStepLoss)).metrics.auc)
            bestInSample.append(try #require(r.sequence?.perStepLossAUC.max()))
        }
        let mean = { (v: [Double]) in v.reduce(0, +) / Double(v.count) }
        // Eight null steps of 150 + 150 records: the best of them on the same records sits about 1.4 standard
        // errors (≈ 0.047) above chance; the cross-fitted attack does not.
        #expect(abs(mean(leakiest) - 0.5) < 0.02, "\(leakiest)")
        #expect(mean(bestInSample) > 0.53, "\(bestInSample)")
    }

    @Test("a model that answers once per record skips the leakiest-step attack with the reason")
    func notASequence() async throws {
        let task = MembershipSyntheticTask(seed: 4)
        let r = try await MembershipProbe(
            configuration: MembershipProbeConfiguration(attacks: [.loss, .leakiestStepLoss])
        )
        .run(
            model: MembershipOracleModel(task: task), members: task.sample(40, seed: 5),
            nonMembers: task.sample(40, seed: 6), population: nil)
        #expect(r.sequence == nil)
        #expect(r.skipped.contains { $0.attack == .leakiestStepLoss && $0.reason.contains("sequence models") })
    }

    @Test("per-step logits are read as logits")
    func stepLogits() throws {
        let target = LeakyStepTarget(members: [], steps: 2, classes: 3, leakyStep: nil)
        let out = ModelOutput(kind: .sequence, rows: 1, scores: [2, -1, 0.5, 0.2, 0.3, 0.5], width: 6, labels: [])
        #expect(try SequenceStepModel.slice(out, step: 0, steps: 2, classes: 3, model: target).kind == .logits)
        let probabilities = try SequenceStepModel.slice(out, step: 1, steps: 2, classes: 3, model: target)
        #expect(probabilities.kind == .probabilities && probabilities.labels == [2])
        #expect(throws: ProbeError.self) {
            try SequenceStepModel.slice(out, step: 0, steps: 3, classes: 3, model: target)
        }
    }
}
