import AIRiskAccess
import AIRiskTensor

/// LiRA's reference models: their logit-scaled confidences φ on the target records, and which
/// target records each model was trained on.
///
/// Models are trained in pairs: each pair splits a fresh random permutation of the pool (the
/// target records, topped up from the population to twice the member count) into two halves, one per model, so every target record is IN for exactly
/// half the models and OUT for the other half (with an odd N the last model takes a random half).
struct LiRAReferenceSet: Sendable {
    /// phi[m][t]: model m's φ on target record t.
    var phi: [[Double]]
    /// isIn[m][t]: whether target record t was in model m's training set.
    var isIn: [[Bool]]

    var modelCount: Int { phi.count }

    static func train(
        targetRecords: LabeledData, memberCount: Int, population: LabeledData?, classCount: Int, modelCount: Int,
        trainer: any MembershipModelTrainer, seed: UInt64, batchRows: Int
    ) async throws -> LiRAReferenceSet {
        // Carlini et al. train each reference model on a random half of a pool whose halves are the
        // size of the target's training set: the target records (members ∪ non-members), topped up
        // from the population only when their half is smaller than the member count. Training on
        // much more data than the target saw makes reference models less confident than the
        // target on every record, and the per-record Gaussians then point the wrong way.
        let pool: LabeledData
        if let population, 2 * memberCount > targetRecords.count {
            let extra = min(population.count, 2 * memberCount - targetRecords.count)
            pool = try targetRecords.appending(population.subset(Array(0..<extra)))
        } else {
            pool = targetRecords
        }
        let nT = targetRecords.count
        let base = SeededGenerator(seed: seed)
        let results: [(phi: [Double], isIn: [Bool])] = try await ParallelMap.run(modelCount) { m in
            var pairRng = base.derived(m / 2)
            var order = Array(0..<pool.count)
            order.shuffle(using: &pairRng)
            let half = pool.count / 2
            let indices: [Int]
            if m % 2 == 1 {
                indices = Array(order[half...])
            } else if m == modelCount - 1 {
                // An unpaired last model: a random half of its own.
                var ownRng = base.derived(10_000 + m)
                order.shuffle(using: &ownRng)
                indices = Array(order[..<half])
            } else {
                indices = Array(order[..<half])
            }
            var isIn = [Bool](repeating: false, count: nT)
            for i in indices where i < nT { isIn[i] = true }
            var trainRng = base.derived(20_000 + m)
            let model = try await trainer.train(pool.subset(indices), classCount: classCount, seed: trainRng.next())
            let out = try await ModelQuery.predict(
                model, scalars: targetRecords.scalars, rows: nT, rowShape: targetRecords.rowShape,
                batchRows: batchRows)
            guard let lp = LogProbabilities(out), lp.width == classCount else {
                throw MembershipProbeError.badTrainingData(
                    "a reference model did not return \(classCount) class scores")
            }
            return (lp.logitConfidence(labels: targetRecords.labels), isIn)
        }
        return LiRAReferenceSet(phi: results.map(\.phi), isIn: results.map(\.isIn))
    }
}
