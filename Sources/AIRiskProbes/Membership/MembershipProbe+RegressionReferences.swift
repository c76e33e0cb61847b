import AIRiskAccess
import AIRiskTensor
import Foundation

extension MembershipProbe {
    /// The reference set of LiRA and RMIA against a regressor, with the target's own signals on the same scale.
    struct RegressionReferences {
        var references: LiRAReferenceSet
        /// The target's φ and Pr(x|θ) on the member and non-member records, and its Pr(z|θ) on the population rows.
        var targetPhi: [Double]
        var targetLikelihood: [Double]
        var targetPopulationLikelihood: [Double]
        var zNote: String
        /// How φ and Pr were read from the residuals, for the attacks' notes.
        var signalNote: String
        var notes: [String]
    }

    /// The in-process trainer of reference regressors: the configuration's network and recipe.
    var regressionTrainer: EngineNetworkTrainer {
        configuration.engineTrainer(
            configuration.referenceRecipe
                ?? ReferenceRecipe(
                    epochs: configuration.epochs, l2: configuration.l2, learningRate: configuration.learningRate,
                    batchSize: configuration.batchSize))
    }

    /// Reference regressors (the user's, or trained in-process on random halves of the records as for a
    /// classifier) read through the residuals: φ per record and model, and the Gaussian likelihood RMIA needs.
    func regressionReferences(
        model: any ModelAccess, records: LabeledData, memberCount nM: Int, outputs k: Int, targetAnswers: [Float],
        population: LabeledData?
    ) async throws -> RegressionReferences {
        let config = configuration
        let batchRows = config.queryBatchRows
        let targets = records.targets ?? []
        var notes: [String] = []
        // RMIA's population rows z need regression targets; without them the records stand in (as for a
        // classifier without a population set).
        var populationSet: LabeledData?
        if let population {
            if let t = population.targets, t.count == population.count * k {
                populationSet = population
            } else {
                notes.append(
                    "the population set carries no \(k) regression target(s) per row: RMIA's population rows z and "
                        + "the reference models' pool use the member and non-member records")
            }
        }
        let z: LabeledData
        let zNote: String
        if let populationSet {
            let toppedUp =
                config.suppliedReferences == nil && 2 * nM > records.count
                ? min(populationSet.count, 2 * nM - records.count) : 0
            z =
                toppedUp < populationSet.count
                ? populationSet.subset(Array(toppedUp..<populationSet.count)) : populationSet
            zNote =
                "RMIA's population rows z: \(z.count) population records"
                + (toppedUp < populationSet.count
                    ? " no reference model trained on" : ", which the reference models also drew on")
        } else {
            z = records
            zNote =
                "RMIA's population rows z are the \(records.count) member and non-member records themselves (without "
                + "their membership)"
        }
        let zOutput = try await model.predict(
            scalars: z.scalars, rows: z.count, rowShape: records.rowShape, batchRows: batchRows)
        let zTargets = z.targets ?? []
        guard zOutput.scores.count == z.count * k else {
            throw MembershipProbeError.shortAnswer(
                model: model.description.name,
                expected: "\(k) outputs for each of \(z.count) rows (got \(zOutput.scores.count) values)")
        }
        // Each output's scale: a floor that keeps log r² finite for an exact fit (10⁻⁶ of the targets' variance),
        // and the target's own mean squared error on z, the Gaussian's variance in Pr(x|θ).
        var floor = [Double](repeating: 0, count: k)
        var scale = [Double](repeating: 0, count: k)
        for j in 0..<k {
            let column = stride(from: j, to: targets.count, by: k).map { Double(targets[$0]) }
            let mean = column.reduce(0, +) / Double(max(column.count, 1))
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(column.count, 1))
            floor[j] = max(variance * 1e-6, 1e-30)
            var se = 0.0
            for r in 0..<z.count {
                let d = Double(zOutput.scores[r * k + j]) - Double(zTargets[r * k + j])
                se += d * d
            }
            scale[j] = max(se / Double(max(z.count, 1)), floor[j])
        }
        let (floors, scales) = (floor, scale)
        let measure: LiRAReferenceSet.Measure = { reference, data, name in
            let out = try await reference.predict(
                scalars: data.scalars, rows: data.count, rowShape: data.rowShape, batchRows: batchRows)
            guard out.scores.count == data.count * k, let t = data.targets, t.count == data.count * k else {
                throw MembershipProbeError.shortAnswer(model: name, expected: "\(k) regression output(s) per row")
            }
            return Self.regressionSignals(predictions: out.scores, targets: t, outputs: k, floor: floors, scale: scales)
        }
        let refs: LiRAReferenceSet
        if let supplied = config.suppliedReferences {
            refs = try await LiRAReferenceSet.load(
                supplied, target: model.description, targetRecords: records, z: z, measure: measure)
        } else {
            let trainer = regressionTrainer
            var seeds = SeededGenerator(seed: config.seed).derived(2)
            let referenceSeed = seeds.next()
            refs = try await LiRAReferenceSet.train(
                targetRecords: records, memberCount: nM, population: populationSet, z: z,
                modelCount: config.referenceModelCount,
                summary: trainer.regressorSummary,
                seed: referenceSeed,
                fit: { data, seed in try trainer.fitRegressor(data, outputs: k, seed: seed) }, measure: measure)
        }
        notes.append("reference models for LiRA and RMIA: \(refs.origin)")
        let own = Self.regressionSignals(
            predictions: targetAnswers, targets: targets, outputs: k, floor: floor, scale: scale)
        let ownZ = Self.regressionSignals(
            predictions: zOutput.scores, targets: zTargets, outputs: k, floor: floor, scale: scale)
        return RegressionReferences(
            references: refs, targetPhi: own.phi, targetLikelihood: own.probability,
            targetPopulationLikelihood: ownZ.probability, zNote: zNote,
            signalNote:
                "regression signals per output j: φ = −mean_j log(r_j² + 10⁻⁶·var(y_j)), Pr(x|θ) = "
                + "exp(−mean_j r_j² / (2 s_j²)), s_j² the target's mean squared error on z",
            notes: notes)
    }

    /// φ and Pr(x|θ) of each row from a regressor's residuals r_j = ŷ_j − y_j: φ = −(1/k) Σ_j log(r_j² + floor_j),
    /// a log-scaled loss LiRA models as Gaussian per record and output-scale free, and Pr = exp(−(1/k) Σ_j r_j² /
    /// (2 scale_j)), the Gaussian likelihood RMIA compares between models (one `scale` for all of them).
    static func regressionSignals(
        predictions: [Float], targets: [Float], outputs k: Int, floor: [Double], scale: [Double]
    ) -> (phi: [Double], probability: [Double]) {
        let rows = k > 0 ? min(predictions.count, targets.count) / k : 0
        var phi = [Double](repeating: 0, count: rows)
        var probability = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            var logs = 0.0
            var exponent = 0.0
            for j in 0..<k {
                let d = Double(predictions[r * k + j]) - Double(targets[r * k + j])
                let d2 = d.isFinite ? d * d : .greatestFiniteMagnitude
                logs += log(d2 + floor[j])
                exponent += d2 / (2 * scale[j])
            }
            phi[r] = -logs / Double(k)
            probability[r] = exp(-exponent / Double(k))
        }
        return (phi, probability)
    }
}

extension MembershipAttack {
    /// ``definition`` as the attack reads a regressor's residuals.
    var regressionDefinition: String {
        switch self {
        case .liraOffline:
            "score = (φ − μ_out) / σ_out, φ = −(1/k) Σ_j log(r_j² + 10⁻⁶·var(y_j)) from the residuals r_j of the "
                + "regressor's k outputs, Gaussian fitted to φ under reference regressors that did not train on the "
                + "record (Carlini et al. 2022, on the residual)"
        case .liraOnline:
            "score = log N(φ; μ_in, σ_in²) − log N(φ; μ_out, σ_out²), φ = −(1/k) Σ_j log(r_j² + 10⁻⁶·var(y_j)), over "
                + "reference regressors that did / did not train on the record (Carlini et al. 2022, on the residual)"
        case .rmiaOffline, .rmiaOnline:
            definition.replacingOccurrences(of: "p_y", with: "Pr(x|θ)")
                + "; for a regressor Pr(x|θ) = exp(−(1/k) Σ_j r_j² / (2 s_j²)), the Gaussian likelihood of the "
                + "residuals with s_j² the target's mean squared error on the population rows"
        default: definition
        }
    }
}
