import Foundation

/// The per-record scores of the threshold attacks (higher = more likely a member).
enum ThresholdScores {
    /// Confidence attack: log p_y − log Σ_{j≠y} p_j (monotone in p_y, but it keeps resolving
    /// records whose p_y is 1.0 in float32).
    static func confidence(_ lp: LogProbabilities, labels: [Int]) -> [Double] {
        lp.logitConfidence(labels: labels)
    }

    /// Loss attack (Yeom et al. 2018): the negated cross-entropy loss, log p_y.
    static func loss(_ lp: LogProbabilities, labels: [Int]) -> [Double] {
        (0..<lp.rows).map { r in
            let y = labels[r]
            return y >= 0 && y < lp.width ? lp.values[r * lp.width + y] : LogProbabilities.floor
        }
    }

    /// Entropy attack: the negated prediction entropy Σ_j p_j log p_j (confident ⇒ member).
    static func entropy(_ lp: LogProbabilities) -> [Double] {
        (0..<lp.rows).map { r in
            var s = 0.0
            for j in 0..<lp.width {
                let l = lp.values[r * lp.width + j]
                s += exp(l) * l
            }
            return s
        }
    }

    /// Modified entropy (Song & Mittal 2021), negated:
    /// Mentr = −(1 − p_y) log p_y − Σ_{j≠y} p_j log(1 − p_j), with every 1 − p taken as a sum of the
    /// other classes' probabilities in log space.
    static func modifiedEntropy(_ lp: LogProbabilities, labels: [Int]) -> [Double] {
        (0..<lp.rows).map { r in
            let y = labels[r]
            guard y >= 0 && y < lp.width else { return -Double.greatestFiniteMagnitude }
            let base = r * lp.width
            let logPy = lp.values[base + y]
            var mentr = -exp(lp.logComplement(row: r, excluding: y)) * logPy
            for j in 0..<lp.width where j != y {
                mentr -= exp(lp.values[base + j]) * lp.logComplement(row: r, excluding: j)
            }
            return -mentr
        }
    }
}
