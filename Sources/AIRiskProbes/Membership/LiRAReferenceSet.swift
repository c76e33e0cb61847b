import AIRiskAccess
import AIRiskTensor

/// The reference models LiRA and RMIA share: their logit-scaled confidences φ and true-class
/// probabilities p_y on the target records, their p_y on RMIA's population rows z, and which target
/// records each model was trained on. The models are trained in-process (``train``) or supplied by the
/// user (``load``); both attacks read the same set.
///
/// Models are trained in pairs: each pair splits a fresh random permutation of the pool (the
/// target records, topped up from the population to twice the member count) into two halves, one per model, so every target record is IN for exactly
/// half the models and OUT for the other half (with an odd N the last model takes a random half).
struct LiRAReferenceSet: Sendable {
    /// phi[m][t]: model m's φ on target record t.
    var phi: [[Double]]
    /// isIn[m][t]: whether target record t was in model m's training set.
    var isIn: [[Bool]]
    /// probability[m][t]: model m's p_y on target record t.
    var probability: [[Double]] = []
    /// populationProbability[m][z]: model m's p_y on RMIA's population row z.
    var populationProbability: [[Double]] = []
    /// Where the models came from, for the results: "trained in-process (…)" or "loaded from DIR".
    var origin: String = ""

    var modelCount: Int { phi.count }

    /// What the set reads from one model on some records: φ and the likelihood Pr(x|θ) per record. A classifier's
    /// are ``signals(_:on:classCount:batchRows:name:)``; a regressor's come from its residuals.
    typealias Measure =
        @Sendable (_ model: any ModelAccess, _ data: LabeledData, _ name: String) async throws -> (
            phi: [Double], probability: [Double]
        )

    /// A classifier's ``Measure``: φ and p_y of `classCount` classes.
    static func classifierMeasure(classCount: Int, batchRows: Int) -> Measure {
        { model, data, name in
            try await signals(model, on: data, classCount: classCount, batchRows: batchRows, name: name)
        }
    }

    /// φ and p_y of `model` on `data` (of `classCount` classes).
    static func signals(
        _ model: any ModelAccess, on data: LabeledData, classCount: Int, batchRows: Int, name: String
    ) async throws -> (phi: [Double], probability: [Double]) {
        guard data.count > 0 else { return ([], []) }
        let out = try await model.predict(
            scalars: data.scalars, rows: data.count, rowShape: data.rowShape, batchRows: batchRows)
        guard let lp = LogProbabilities(out), lp.width == classCount else {
            throw MembershipProbeError.shortAnswer(model: name, expected: "\(classCount) class scores")
        }
        return (lp.logitConfidence(labels: data.labels), lp.trueClassProbability(labels: data.labels))
    }

    /// The user's reference models: each is queried on the target records and the population rows `z`;
    /// `isIn` comes from its list of training rows. Every model is checked against `target` first.
    static func load(
        _ supplied: ReferenceModelSet, target: ModelDescription, targetRecords: LabeledData, z: LabeledData,
        measure: @escaping Measure
    ) async throws -> LiRAReferenceSet {
        guard !supplied.models.isEmpty else {
            throw MembershipProbeError.badReferenceModel(
                file: supplied.origin, reason: "no reference model; give at least one NAME.onnx with NAME.members.txt")
        }
        let nT = targetRecords.count
        for m in supplied.models { try m.validate(target: target, recordCount: nT) }
        let results: [(phi: [Double], p: [Double], pz: [Double], isIn: [Bool])] = try await ParallelMap.run(
            supplied.models.count
        ) { k in
            let ref = supplied.models[k]
            let x = try await measure(ref.model, targetRecords, "reference model \(ref.file)")
            let pz = try await measure(ref.model, z, "reference model \(ref.file)")
            var isIn = [Bool](repeating: false, count: nT)
            for r in ref.trainingRows { isIn[r] = true }
            return (x.phi, x.probability, pz.probability, isIn)
        }
        return LiRAReferenceSet(
            phi: results.map(\.phi), isIn: results.map(\.isIn), probability: results.map(\.p),
            populationProbability: results.map(\.pz),
            origin: "\(supplied.models.count) reference models loaded from \(supplied.origin)")
    }

    /// The records in-process reference models draw their halves from: the target records, topped up from
    /// the population when their half is smaller than the member count.
    static func pool(targetRecords: LabeledData, memberCount: Int, population: LabeledData?) throws -> LabeledData {
        guard let population, 2 * memberCount > targetRecords.count else { return targetRecords }
        let extra = min(population.count, 2 * memberCount - targetRecords.count)
        return try targetRecords.appending(population.subset(Array(0..<extra)))
    }

    /// Trains `modelCount` reference models with `fit` (seeded) and reads them with `measure`; `summary` names the
    /// trainer in the origin.
    static func train(
        targetRecords: LabeledData, memberCount: Int, population: LabeledData?, z: LabeledData, modelCount: Int,
        summary: String, seed: UInt64, fit: @escaping @Sendable (LabeledData, UInt64) async throws -> any ModelAccess,
        measure: @escaping Measure
    ) async throws -> LiRAReferenceSet {
        // Carlini et al. train each reference model on a random half of a pool whose halves are the
        // size of the target's training set: the target records (members ∪ non-members), topped up
        // from the population only when their half is smaller than the member count. Training on
        // much more data than the target saw makes reference models less confident than the
        // target on every record, and the per-record Gaussians then point the wrong way.
        let pool = try Self.pool(targetRecords: targetRecords, memberCount: memberCount, population: population)
        let nT = targetRecords.count
        let base = SeededGenerator(seed: seed)
        let results: [(phi: [Double], p: [Double], pz: [Double], isIn: [Bool])] = try await ParallelMap.run(
            modelCount
        ) { m in
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
            let model = try await fit(pool.subset(indices), trainRng.next())
            let x = try await measure(model, targetRecords, "a reference model")
            let pz = try await measure(model, z, "a reference model")
            return (x.phi, x.probability, pz.probability, isIn)
        }
        return LiRAReferenceSet(
            phi: results.map(\.phi), isIn: results.map(\.isIn), probability: results.map(\.p),
            populationProbability: results.map(\.pz),
            origin: "\(modelCount) reference models trained in-process (\(summary)), each on a random half "
                + "of \(pool.count) records")
    }
}
