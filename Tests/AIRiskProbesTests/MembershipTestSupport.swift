import AIRiskAccess
import AIRiskTensor
import Foundation

@testable import AIRiskProbes

/// Overlapping Gaussian classes: a model has to memorise its training records to fit them.
struct MembershipSyntheticTask {
    let classes = 4
    let features = 10
    let noise: Float = 3
    let means: [Float]

    init(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        means = (0..<(4 * 10)).map { _ in rng.nextGaussian() }
    }

    func sample(_ n: Int, seed: UInt64) -> LabeledData {
        var rng = SeededGenerator(seed: seed)
        var x: [Float] = []
        var y: [Int] = []
        for i in 0..<n {
            let c = i % classes
            y.append(c)
            for j in 0..<features { x.append(means[c * features + j] + noise * rng.nextGaussian()) }
        }
        return try! LabeledData(features: Tensor(shape: [n, features], scalars: x), labels: y)
    }
}

/// The Bayes-optimal classifier of the synthetic task: it never saw any record, so it cannot leak.
struct MembershipOracleModel: ModelAccess {
    let task: MembershipSyntheticTask
    var description: ModelDescription {
        ModelDescription(
            name: "oracle", inputShape: [task.features], outputKind: .probabilities, outputWidth: task.classes,
            providesInputGradients: false)
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let x = batch.floats ?? []
        let rows = batch.shape[0]
        let d = task.features
        var p: [Float] = []
        var labels: [Int] = []
        for r in 0..<rows {
            var logits = (0..<task.classes).map { c in
                var s: Float = 0
                for j in 0..<d {
                    let diff = x[r * d + j] - task.means[c * d + j]
                    s += diff * diff
                }
                return -s / (2 * task.noise * task.noise)
            }
            let m = logits.max()!
            logits = logits.map { expf($0 - m) }
            let total = logits.reduce(0, +)
            p += logits.map { $0 / total }
            labels.append(logits.firstIndex(of: logits.max()!)!)
        }
        return ModelOutput(kind: .probabilities, rows: rows, scores: p, width: task.classes, labels: labels)
    }
}

/// Hides a model's scores: the attacker sees predicted labels only.
struct MembershipLabelsOnlyModel: ModelAccess {
    let base: any ModelAccess
    var description: ModelDescription {
        var d = base.description
        d.outputKind = .labels
        d.name = "labels-only " + d.name
        return d
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let out = try await base.predict(batch)
        return ModelOutput(kind: .labels, rows: out.rows, scores: [], width: 0, labels: out.labels)
    }
}

enum MembershipFixture {
    static let task = MembershipSyntheticTask(seed: 1)
    static let members = task.sample(120, seed: 2)
    static let nonMembers = task.sample(120, seed: 3)
    static let population = task.sample(240, seed: 4)
    static let overfitTrainer = EngineNetworkTrainer(
        hiddenSizes: [64], epochs: 200, batchSize: 32, learningRate: 1e-2, initialisation: .glorotNormal)

    /// An MLP overfit on the members.
    static func leakyModel() async throws -> any ModelAccess {
        try await overfitTrainer.train(members, classCount: task.classes, seed: 99)
    }

    static func configuration(_ attacks: [MembershipAttack] = MembershipAttack.classifierAttacks, seed: UInt64 = 7)
        -> MembershipProbeConfiguration
    {
        MembershipProbeConfiguration(
            attacks: attacks, shadowModelCount: 2, referenceModelCount: 4, hiddenSizes: [64], epochs: 200,
            batchSize: 32, learningRate: 1e-2, attackModelEpochs: 60, seed: seed, boundaryDirections: 4)
    }
}
