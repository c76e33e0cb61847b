import AIRiskAccess
import AIRiskTensor
import Foundation

/// The shadow-model attack (Shokri et al. 2017).
///
/// k shadow models are trained, each on a random subset of the attacker's pool as large as the
/// target's training set (its IN records), with an equally large disjoint subset as its OUT records. Each shadow is queried on its IN and OUT records; an
/// attack model per class learns to tell IN from OUT from the shadow's output (the log-probability
/// vector and the logit-scaled true-class confidence). The target's outputs on the members and
/// non-members are then scored by the attack model of their true class: score = log P(in) − log P(out).
enum ShadowModelAttack {
    /// Fewer IN or OUT shadow records than this for a class: use the all-class attack model.
    static let minimumPerClass = 10
    /// Smallest pool the shadow models are trained from (each trains on half of it).
    static let minimumPool = 20

    struct Outcome {
        var scores: [Double]
        var notes: [String]
        var shadowCount: Int
    }

    static func run(
        target: LogProbabilities, targetLabels: [Int], pool: LabeledData, trainingSize: Int, classCount: Int,
        configuration: MembershipProbeConfiguration, trainer: any MembershipModelTrainer, seed: UInt64
    ) async throws -> Outcome {
        let k = max(1, configuration.shadowModelCount)
        let base = SeededGenerator(seed: seed)
        let batchRows = configuration.queryBatchRows
        // Per shadow: features and in/out labels of its records.
        let perShadow: [(features: [Float], labels: [Int], membership: [Int])] = try await ParallelMap.run(k) { i in
            var rng = base.derived(i)
            var order = Array(0..<pool.count)
            order.shuffle(using: &rng)
            let half = max(1, min(trainingSize, pool.count / 2))
            let inSet = pool.subset(Array(order[..<half]))
            let outSet = pool.subset(Array(order[half..<min(pool.count, 2 * half)]))
            let shadow = try await trainer.train(inSet, classCount: classCount, seed: rng.next())
            let both = try inSet.appending(outSet)
            let out = try await shadow.predict(
                scalars: both.scalars, rows: both.count, rowShape: both.rowShape, batchRows: batchRows)
            guard let lp = LogProbabilities(out), lp.width == classCount else {
                throw MembershipProbeError.shortAnswer(model: "a shadow model", expected: "\(classCount) class scores")
            }
            let membership = [Int](repeating: 1, count: inSet.count) + [Int](repeating: 0, count: outSet.count)
            return (attackFeatures(lp, labels: both.labels), both.labels, membership)
        }
        let width = classCount + 1
        var byClass = [[Int]](repeating: [], count: classCount)
        var allFeatures: [Float] = []
        var allMembership: [Int] = []
        var allLabels: [Int] = []
        for s in perShadow {
            allFeatures += s.features
            allMembership += s.membership
            allLabels += s.labels
        }
        for (i, y) in allLabels.enumerated() { byClass[y].append(i) }

        let attackTrainer = EngineNetworkTrainer(
            hiddenSizes: configuration.attackModelHiddenSizes, epochs: configuration.attackModelEpochs,
            batchSize: 64, learningRate: 1e-2, l2: 1e-4)
        // Job 0 is the all-class model; job c + 1 the model of class c (nil when too few records).
        let attackSeed = base.derived(k + 1)
        let (byClassRows, features, membership, labelCount) = (byClass, allFeatures, allMembership, allLabels.count)
        let models: [EngineNetworkModel?] = try await ParallelMap.run(classCount + 1) { job in
            let rows = job == 0 ? Array(0..<labelCount) : byClassRows[job - 1]
            let ins = rows.reduce(0) { $0 + membership[$1] }
            if job > 0 && (ins < minimumPerClass || rows.count - ins < minimumPerClass) { return nil }
            if ins == 0 || ins == rows.count { return nil }
            var x = [Float](repeating: 0, count: rows.count * width)
            for (r, i) in rows.enumerated() {
                for j in 0..<width { x[r * width + j] = features[i * width + j] }
            }
            var jobRng = attackSeed.derived(job)
            let data = try LabeledData(
                features: Tensor(shape: [rows.count, width], scalars: x), labels: rows.map { membership[$0] })
            return try attackTrainer.fit(data, classCount: 2, seed: jobRng.next()).model
        }
        guard let global = models[0] else {
            throw MembershipProbeError.untrainableData(
                rows: 0, features: 0, requirement: "the shadow models produced no IN/OUT records for the attack model")
        }
        let targetFeatures = attackFeatures(target, labels: targetLabels)
        var notes = [
            "\(k) shadow models, each trained on \(min(trainingSize, pool.count / 2)) of \(pool.count) pool records "
                + "(\(trainer.summary)), with as many other pool records as OUT; "
                + "per-class attack models: \(attackTrainer.summary)"
        ]
        let fallback = (0..<classCount).filter { models[$0 + 1] == nil }
        if !fallback.isEmpty {
            notes.append(
                "classes \(fallback) had fewer than \(minimumPerClass) IN or OUT shadow records; "
                    + "their records were scored by the all-class attack model")
        }
        var scores = [Double](repeating: 0, count: targetLabels.count)
        for r in 0..<targetLabels.count {
            let y = targetLabels[r]
            let model = (y >= 0 && y < classCount ? models[y + 1] : nil) ?? global
            let z = try model.logits(Array(targetFeatures[(r * width)..<((r + 1) * width)]), rows: 1)
            scores[r] = Double(z[1]) - Double(z[0])
        }
        return Outcome(scores: scores, notes: notes, shadowCount: k)
    }

    /// Per record: the log-probabilities (clamped to [−50, 0]) and φ (clamped to ±60).
    static func attackFeatures(_ lp: LogProbabilities, labels: [Int]) -> [Float] {
        let width = lp.width + 1
        let phi = lp.logitConfidence(labels: labels)
        var out = [Float](repeating: 0, count: lp.rows * width)
        for r in 0..<lp.rows {
            for j in 0..<lp.width { out[r * width + j] = Float(max(lp.values[r * lp.width + j], -50)) }
            out[r * width + lp.width] = Float(min(max(phi[r], -60), 60))
        }
        return out
    }
}
