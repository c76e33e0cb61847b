import AIRiskAccess
import Foundation

/// Per-row class log-probabilities in Double, computed so that float32 saturation does not
/// destroy the membership signal.
///
/// From logits: a log-softmax that takes log1p of the non-maximal terms, so log p of the top class
/// stays accurate when it is within 1e-16 of 0. From probabilities: log p_j, except for a class with
/// p_j > ½, where log p_j = log1p(−Σ_{k≠j} p_k) — an overfit model that returns p_y = 1.0 exactly
/// still reveals how small the other classes are.
struct LogProbabilities: Sendable {
    let rows: Int
    let width: Int
    /// rows × width values.
    let values: [Double]

    /// The smallest log-probability kept (a zero probability maps here rather than to −∞).
    static let floor = Double(log(Float.leastNonzeroMagnitude))

    init(rows: Int, width: Int, values: [Double]) {
        self.rows = rows
        self.width = width
        self.values = values
    }

    /// Nil for labels-only or non-classifier outputs.
    init?(_ output: ModelOutput) {
        guard output.width > 0, output.scores.count == output.rows * output.width else { return nil }
        let rows = output.rows
        let width = output.width
        self.rows = rows
        self.width = width
        var v = [Double](repeating: 0, count: rows * width)
        switch output.kind {
        case .logits:
            output.scores.withUnsafeBufferPointer { z in
                for r in 0..<rows {
                    let base = r * width
                    var top = 0
                    for j in 1..<width where z[base + j] > z[base + top] { top = j }
                    let m = Double(z[base + top])
                    var rest = 0.0
                    for j in 0..<width where j != top { rest += exp(Double(z[base + j]) - m) }
                    let lse = log1p(rest)
                    for j in 0..<width { v[base + j] = max(Double(z[base + j]) - m - lse, Self.floor) }
                }
            }
        case .probabilities:
            output.scores.withUnsafeBufferPointer { p in
                for r in 0..<rows {
                    let base = r * width
                    var total = 0.0
                    for j in 0..<width { total += Double(max(p[base + j], 0)) }
                    for j in 0..<width {
                        let pj = Double(max(p[base + j], 0))
                        if pj > 0.5 {
                            let others = min(total - pj, 1 - 1e-300)
                            v[base + j] = log1p(-others)
                        } else {
                            v[base + j] = pj > 0 ? max(log(pj), Self.floor) : Self.floor
                        }
                    }
                }
            }
        case .labels, .regression, .sequence:
            return nil
        }
        values = v
    }

    /// log Σ_{j≠y} p_j for row r: the log of 1 − p_y, without cancellation.
    func logComplement(row r: Int, excluding y: Int) -> Double {
        let base = r * width
        var m = -Double.infinity
        for j in 0..<width where j != y { m = max(m, values[base + j]) }
        guard m > -.infinity else { return Self.floor }
        var s = 0.0
        for j in 0..<width where j != y { s += exp(values[base + j] - m) }
        return max(m + log(s), Self.floor)
    }

    /// The predicted class of each row (first maximum).
    var argmax: [Int] {
        (0..<rows).map { r in
            let base = r * width
            var top = 0
            for j in 1..<width where values[base + j] > values[base + top] { top = j }
            return top
        }
    }

    /// φ = log p_y − log(1 − p_y), the logit-scaled true-class confidence LiRA models as Gaussian.
    func logitConfidence(labels: [Int]) -> [Double] {
        (0..<rows).map { r in
            let y = labels[r]
            guard y >= 0 && y < width else { return Self.floor }
            return values[r * width + y] - logComplement(row: r, excluding: y)
        }
    }

    /// p_y, the true-class probability of every row (0 for a label outside the classes).
    func trueClassProbability(labels: [Int]) -> [Double] {
        (0..<rows).map { r in
            let y = labels[r]
            return y >= 0 && y < width ? exp(values[r * width + y]) : 0
        }
    }
}
