/// The robust membership inference attack, RMIA (Zarifzadeh et al., ICML 2024): a pairwise likelihood
/// ratio of the target record x against population records z.
///
/// Pr(x|θ) = p_y(x), the true-class probability. Ratio(x) = Pr(x|θ_target) / Pr(x), with Pr(x) the mean
/// of p_y(x) over the reference models: over all of them online, and offline (OUT models only) the paper's
/// linear approximation Pr(x) = ½((1 + a)·Pr_OUT(x) + (1 − a)) of the unseen IN models. Ratio(z) likewise
/// for every population row z (which no reference model trained on). score(x) = the share of z with
/// Ratio(x) / Ratio(z) ≥ γ.
enum RMIAAttack {
    /// The pairwise threshold γ.
    static let gamma = 1.0
    /// The offline `a` when it cannot be calibrated (Privacy Meter's default).
    static let defaultA = 0.3
    /// The grid the offline `a` is calibrated on: 0, 0.1, …, 1.
    static let aGrid = (0...10).map { Double($0) / 10 }

    /// score(x) for every target record: the share of `zRatios` at most Ratio(x) / γ.
    static func scores(xRatios: [Double], zRatios: [Double], gamma: Double = gamma) -> [Double] {
        let sorted = zRatios.sorted()
        guard !sorted.isEmpty else { return xRatios.map { _ in 0 } }
        return xRatios.map { r in
            let bound = r / gamma
            // The number of sorted values ≤ bound.
            var lo = 0
            var hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid] <= bound { lo = mid + 1 } else { hi = mid }
            }
            return Double(lo) / Double(sorted.count)
        }
    }

    static func ratios(_ target: [Double], prior: [Double]) -> [Double] {
        zip(target, prior).map { $0 / max($1, 1e-300) }
    }

    static func offlinePrior(_ outMean: Double, a: Double) -> Double {
        0.5 * ((1 + a) * outMean + (1 - a))
    }

    /// Online RMIA: Pr(x) and Pr(z) are the means over every reference model.
    static func online(
        targetX: [Double], targetZ: [Double], _ refs: LiRAReferenceSet
    ) -> [Double] {
        let px = meanOverModels(refs.probability, models: Array(0..<refs.modelCount))
        let pz = meanOverModels(refs.populationProbability, models: Array(0..<refs.modelCount))
        return scores(xRatios: ratios(targetX, prior: px), zRatios: ratios(targetZ, prior: pz))
    }

    /// Offline RMIA with `a`: Pr(x) from the models that did not train on x; a record no reference model
    /// left out falls back to the mean over all models (counted in `fallbacks`).
    static func offline(
        targetX: [Double], targetZ: [Double], _ refs: LiRAReferenceSet, a: Double
    ) -> (scores: [Double], fallbacks: Int) {
        let models = Array(0..<refs.modelCount)
        let (outMean, fallbacks) = outMeans(refs, models: models)
        let px = outMean.map { offlinePrior($0 ?? .nan, a: a) }
        let all = meanOverModels(refs.probability, models: models)
        let prior = zip(px, all).map { $0.isNaN ? offlinePrior($1, a: a) : $0 }
        let pz = meanOverModels(refs.populationProbability, models: models).map { offlinePrior($0, a: a) }
        return (scores(xRatios: ratios(targetX, prior: prior), zRatios: ratios(targetZ, prior: pz)), fallbacks)
    }

    /// The paper's calibration of `a`: each reference model in turn plays the target against the other
    /// models' OUT results (records no other model left out are not scored), and the `a` of ``aGrid`` with
    /// the highest mean AUC is kept. Nil when no model could be scored (both IN and OUT records needed), e.g.
    /// with a single complementary pair.
    static func calibrateA(_ refs: LiRAReferenceSet) -> (a: Double, meanAUC: [Double], scoredModels: Int)? {
        let m = refs.modelCount
        guard m >= 2 else { return nil }
        // What does not depend on a, per model k playing the target: the records another model left out,
        // their mean OUT p_y, and the other models' mean p_y on every z.
        struct Target {
            var k: Int
            var rows: [Int]
            var outMean: [Double]
            var zMean: [Double]
        }
        var targets: [Target] = []
        for k in 0..<m {
            let others = (0..<m).filter { $0 != k }
            let (outMean, _) = outMeans(refs, models: others)
            let rows = outMean.indices.filter { outMean[$0] != nil }
            let ins = rows.filter { refs.isIn[k][$0] }.count
            guard ins > 0, ins < rows.count else { continue }
            targets.append(
                Target(
                    k: k, rows: rows, outMean: rows.map { outMean[$0] ?? 0 },
                    zMean: meanOverModels(refs.populationProbability, models: others)))
        }
        guard !targets.isEmpty else { return nil }
        var best: (a: Double, auc: Double)?
        var table: [Double] = []
        for a in aGrid {
            var total = 0.0
            for target in targets {
                let k = target.k
                let xRatios = zip(target.rows, target.outMean).map { t, o in
                    refs.probability[k][t] / max(offlinePrior(o, a: a), 1e-300)
                }
                let zRatios = zip(refs.populationProbability[k], target.zMean).map { p, z in
                    p / max(offlinePrior(z, a: a), 1e-300)
                }
                let s = scores(xRatios: xRatios, zRatios: zRatios)
                var pos: [Double] = []
                var neg: [Double] = []
                for (i, t) in target.rows.enumerated() {
                    if refs.isIn[k][t] { pos.append(s[i]) } else { neg.append(s[i]) }
                }
                total += ROCCurve(positiveScores: pos, negativeScores: neg).auc
            }
            let mean = total / Double(targets.count)
            table.append(mean)
            if mean > (best?.auc ?? -.infinity) { best = (a, mean) }
        }
        guard let best else { return nil }
        return (best.a, table, targets.count)
    }

    /// For every target record, the mean p_y over the `models` that did not train on it (nil when all did),
    /// and how many records had none.
    static func outMeans(_ refs: LiRAReferenceSet, models: [Int]) -> ([Double?], Int) {
        let n = refs.probability.first?.count ?? 0
        var out = [Double?](repeating: nil, count: n)
        var missing = 0
        for t in 0..<n {
            var sum = 0.0
            var count = 0
            for mm in models where !refs.isIn[mm][t] {
                sum += refs.probability[mm][t]
                count += 1
            }
            if count > 0 { out[t] = sum / Double(count) } else { missing += 1 }
        }
        return (out, missing)
    }

    static func meanOverModels(_ values: [[Double]], models: [Int]) -> [Double] {
        let n = values.first?.count ?? 0
        guard !models.isEmpty else { return [Double](repeating: 0, count: n) }
        var mean = [Double](repeating: 0, count: n)
        for m in models {
            for i in 0..<n { mean[i] += values[m][i] }
        }
        return mean.map { $0 / Double(models.count) }
    }
}
