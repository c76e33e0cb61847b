import Foundation

/// The likelihood-ratio attack (Carlini et al. 2022) over φ = log p_y − log(1 − p_y).
///
/// For each target record, φ under reference models trained with it (IN) and without it (OUT)
/// is modelled as Gaussian. Online score: log N(φ_target; μ_in, σ_in²) − log N(φ_target; μ_out, σ_out²).
/// Offline score (OUT models only): the one-sided statistic z = (φ_target − μ_out) / σ_out, whose
/// p-value Φc(z) is Carlini's offline test; ranking by z is ranking by that p-value. With fixed
/// variance (Carlini's variant below 64 models), one σ_in is pooled over all records' IN models and
/// one σ_out over their OUT models: the root mean square deviation of each record's φ from its own IN
/// (OUT) mean — used for the user's own (recipe-matched) reference models, where it matches the numpy
/// reference (MembershipReferenceModelsTests; one shared σ loses 0.05 AUC there), and for in-process ones
/// whose recipe the user gave or the calibration matched. Other in-process reference models, whose recipe
/// is not known to be the target's, share one σ between IN and OUT (`sharedVariance`).
enum LiRAAttack {
    static let minimumStd = 1e-6

    struct Statistics {
        var meanIn: [Double]
        var meanOut: [Double]
        var stdIn: [Double]
        var stdOut: [Double]
        /// Records no reference model trained on (their μ_in is μ_out plus the mean IN − OUT shift of the
        /// other records), and records every reference model trained on (μ_out likewise).
        var withoutIn = 0
        var withoutOut = 0
    }

    /// With `fixedVariance`, `sharedVariance` pools IN and OUT into one σ as well (the equal-variance
    /// likelihood ratio, monotone in φ for μ_in > μ_out): a target more confident than every reference
    /// model, as when the references were not trained with the target's recipe, still reads as a member
    /// instead of falling outside both Gaussians.
    static func statistics(_ refs: LiRAReferenceSet, fixedVariance: Bool, sharedVariance: Bool = false) -> Statistics {
        let nT = refs.phi.first?.count ?? 0
        var s = Statistics(
            meanIn: .init(repeating: 0, count: nT), meanOut: .init(repeating: 0, count: nT),
            stdIn: .init(repeating: 0, count: nT), stdOut: .init(repeating: 0, count: nT))
        var pooledIn = (sum: 0.0, count: 0)
        var pooledOut = (sum: 0.0, count: 0)
        var shift = (sum: 0.0, count: 0)
        var missingIn: [Int] = []
        var missingOut: [Int] = []
        for t in 0..<nT {
            var ins: [Double] = []
            var outs: [Double] = []
            for m in 0..<refs.modelCount {
                if refs.isIn[m][t] { ins.append(refs.phi[m][t]) } else { outs.append(refs.phi[m][t]) }
            }
            let (mi, vi) = meanAndSquares(ins)
            let (mo, vo) = meanAndSquares(outs)
            s.meanIn[t] = mi
            s.meanOut[t] = mo
            if ins.isEmpty { missingIn.append(t) }
            if outs.isEmpty { missingOut.append(t) }
            if !ins.isEmpty, !outs.isEmpty {
                shift.sum += mi - mo
                shift.count += 1
            }
            s.stdIn[t] = ins.count > 1 ? (vi / Double(ins.count - 1)).squareRoot() : .nan
            s.stdOut[t] = outs.count > 1 ? (vo / Double(outs.count - 1)).squareRoot() : .nan
            pooledIn.sum += vi
            pooledIn.count += max(ins.count - 1, 0)
            pooledOut.sum += vo
            pooledOut.count += max(outs.count - 1, 0)
        }
        // Supplied reference models need not leave every record both IN and OUT somewhere.
        let meanShift = shift.count > 0 ? shift.sum / Double(shift.count) : 0
        for t in missingIn { s.meanIn[t] = s.meanOut[t] + meanShift }
        for t in missingOut { s.meanOut[t] = s.meanIn[t] - meanShift }
        s.withoutIn = missingIn.count
        s.withoutOut = missingOut.count
        let globalIn = pooledIn.count > 0 ? (pooledIn.sum / Double(pooledIn.count)).squareRoot() : 1
        let globalOut = pooledOut.count > 0 ? (pooledOut.sum / Double(pooledOut.count)).squareRoot() : 1
        let pooledBoth =
            pooledIn.count + pooledOut.count > 0
            ? ((pooledIn.sum + pooledOut.sum) / Double(pooledIn.count + pooledOut.count)).squareRoot() : 1
        for t in 0..<nT {
            if fixedVariance {
                s.stdIn[t] = sharedVariance ? pooledBoth : globalIn
                s.stdOut[t] = sharedVariance ? pooledBoth : globalOut
            }
            if !s.stdIn[t].isFinite { s.stdIn[t] = globalIn }
            if !s.stdOut[t].isFinite { s.stdOut[t] = globalOut }
            s.stdIn[t] = max(s.stdIn[t], minimumStd)
            s.stdOut[t] = max(s.stdOut[t], minimumStd)
        }
        return s
    }

    static func online(target phi: [Double], _ s: Statistics) -> [Double] {
        phi.indices.map { t in
            logNormal(phi[t], mean: s.meanIn[t], std: s.stdIn[t])
                - logNormal(phi[t], mean: s.meanOut[t], std: s.stdOut[t])
        }
    }

    static func offline(target phi: [Double], _ s: Statistics) -> [Double] {
        phi.indices.map { t in (phi[t] - s.meanOut[t]) / s.stdOut[t] }
    }

    static func logNormal(_ x: Double, mean: Double, std: Double) -> Double {
        let z = (x - mean) / std
        return -0.5 * z * z - log(std) - 0.5 * log(2 * Double.pi)
    }

    /// Mean and sum of squared deviations.
    private static func meanAndSquares(_ v: [Double]) -> (Double, Double) {
        guard !v.isEmpty else { return (0, 0) }
        let m = v.reduce(0, +) / Double(v.count)
        return (m, v.reduce(0) { $0 + ($1 - m) * ($1 - m) })
    }
}
