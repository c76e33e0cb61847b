import AIRiskAccess
import AIRiskTensor

/// LiRA's reference models: their logit-scaled confidences φ on the target records, and which
/// target records each model was trained on.
///
/// Models are trained in pairs: each pair splits a fresh random permutation of the pool (target
/// records ∪ population) into two halves, one per model, so every target record is IN for exactly
/// half the models and OUT for the other half (with an odd N the last model takes a random half).
struct LiRAReferenceSet: Sendable {
    /// phi[m][t]: model m's φ on target record t.
    var phi: [[Double]]
    /// isIn[m][t]: whether target record t was in model m's training set.
    var isIn: [[Bool]]

    var modelCount: Int { phi.count }

    static func train(
        targetRecords: LabeledData, population: LabeledData?, classCount: Int, modelCount: Int,
        trainer: any MembershipModelTrainer, seed: UInt64, batchRows: Int
    ) async throws -> LiRAReferenceSet {
        let pool = try population.map { try targetRecords.appending($0) } ?? targetRecords
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
