import AIRiskTensor
import Foundation

/// A ``DistillationLoss`` as the engine trainer's objective: its value and its gradient with respect to the
/// surrogate's last-layer outputs, averaged over a mini-batch.
struct LossGradient: TrainingObjective {
    let loss: DistillationLoss
    let data: DistillationSet
    /// Regression: target outputs in standardized units.
    let scaledTargets: [Float]
    /// Regression: true targets (first output) in standardized units, NaN where unknown.
    let scaledTruth: [Float]
    let outputScale: [Float]
    /// softmax(a_t / T) for every row, computed once per training (soft and combined losses).
    private let softTargets: [Float]

    init(
        loss: DistillationLoss, data: DistillationSet, scaledTargets: [Float], scaledTruth: [Float],
        outputScale: [Float]
    ) {
        self.loss = loss
        self.data = data
        self.scaledTargets = scaledTargets
        self.scaledTruth = scaledTruth
        self.outputScale = outputScale
        var temperature: Float?
        switch loss {
        case .soft(let t), .combined(_, let t): temperature = t
        default: temperature = nil
        }
        guard let t = temperature, !data.isRegression, data.scoreKind != .none else {
            softTargets = []
            return
        }
        var q = data.targetScores
        if data.scoreKind == .probabilities {
            for i in q.indices { q[i] = logf(max(q[i], 1e-30)) }
        }
        q.withUnsafeMutableBufferPointer { Softmax.rows($0, rows: data.rows, width: data.outputWidth, temperature: t) }
        softTargets = q
    }

    func evaluate(output: Tensor, rows: [Int]) throws -> (loss: Float, gradient: Tensor) {
        let w = data.outputWidth
        guard let z = output.floats else {
            throw TrainingError.elementTypeMismatch(.modelOutput, supplied: output.elementKind, expected: .float)
        }
        guard output.shape == [rows.count, w] else {
            throw TrainingError.shapeMismatch(.modelOutput, shape: output.shape, expected: [rows.count, w])
        }
        let (loss, g) = evaluate(outputs: z, rows: rows[...])
        return (loss, Tensor(shape: output.shape, scalars: g))
    }

    /// The mean loss over the batch and its gradient.
    func evaluate(outputs z: [Float], rows: ArraySlice<Int>) -> (loss: Float, gradient: [Float]) {
        let w = data.outputWidth
        let b = rows.count
        var g = [Float](repeating: 0, count: b * w)
        let invB = 1 / Float(b)
        if data.isRegression {
            let total = regression(z, rows: rows, into: &g, width: w, scale: invB)
            return (total * invB, g)
        }
        var total: Float = 0
        switch loss {
        case .soft(let t) where data.scoreKind != .none:
            total += addSoft(z, rows: rows, into: &g, width: w, temperature: t, weight: invB)
        case .combined(let mu, let t) where data.scoreKind != .none:
            total += addHard(z, rows: rows, into: &g, width: w, weight: mu * invB, preferTrue: true)
            total += addSoft(z, rows: rows, into: &g, width: w, temperature: t, weight: (1 - mu) * invB)
        default:
            total += addHard(z, rows: rows, into: &g, width: w, weight: invB, preferTrue: false)
        }
        return (total, g)
    }

    /// Cross-entropy against one label: softmax(z) − onehot(y). Returns the weighted loss.
    private func addHard(
        _ z: [Float], rows: ArraySlice<Int>, into g: inout [Float], width w: Int, weight: Float, preferTrue: Bool
    ) -> Float {
        var p = z
        p.withUnsafeMutableBufferPointer { Softmax.rows($0, rows: rows.count, width: w, temperature: 1) }
        var total: Float = 0
        for (k, r) in rows.enumerated() {
            let truth = data.trueLabels[r]
            let y = preferTrue && truth >= 0 && truth < w ? truth : data.targetLabels[r]
            total -= weight * logf(max(p[k * w + y], 1e-30))
            for j in 0..<w {
                g[k * w + j] += weight * (p[k * w + j] - (j == y ? 1 : 0))
            }
        }
        return total
    }

    /// T² · cross-entropy between softmax(a_t / T) and softmax(z / T);
    /// gradient T · (softmax(z/T) − softmax(a_t/T)). Returns the weighted loss.
    private func addSoft(
        _ z: [Float], rows: ArraySlice<Int>, into g: inout [Float], width w: Int, temperature t: Float, weight: Float
    ) -> Float {
        var ps = z
        ps.withUnsafeMutableBufferPointer { Softmax.rows($0, rows: rows.count, width: w, temperature: t) }
        var total: Float = 0
        for (k, r) in rows.enumerated() {
            for j in 0..<w {
                let q = softTargets[r * w + j]
                if q > 0 { total -= weight * t * t * q * logf(max(ps[k * w + j], 1e-30)) }
                g[k * w + j] += weight * t * (ps[k * w + j] - q)
            }
        }
        return total
    }

    /// Writes the regression gradient and returns the summed (unweighted) loss of the rows.
    private func regression(_ z: [Float], rows: ArraySlice<Int>, into g: inout [Float], width w: Int, scale: Float)
        -> Float
    {
        var total: Float = 0
        for (k, r) in rows.enumerated() {
            // The reference y: the true target where the query came with one, else the target model's answer.
            var es: Float = 0
            var et: Float = 0
            var diff = [Float](repeating: 0, count: w)
            for j in 0..<w {
                let rt = scaledTargets[r * w + j]
                let y = j == 0 && scaledTruth[r].isFinite ? scaledTruth[r] : rt
                let rs = z[k * w + j]
                switch loss {
                case .marginSquared, .margin: diff[j] = rs - y
                default: diff[j] = rs - rt
                }
                es += (rs - y) * (rs - y)
                et += (rt - y) * (rt - y)
            }
            switch loss {
            case .marginSquared(let m):
                let mScaled = m / (outputScale[0] * outputScale[0])
                if es + mScaled > et {
                    total += es
                    for j in 0..<w { g[k * w + j] = scale * 2 * diff[j] }
                }
            case .margin(let m):
                let mScaled = m / outputScale[0]
                let ns = es.squareRoot()
                if ns + mScaled > et.squareRoot(), ns > 0 {
                    total += ns
                    for j in 0..<w { g[k * w + j] = scale * diff[j] / ns }
                }
            default:
                for j in 0..<w {
                    total += 0.5 * diff[j] * diff[j]
                    g[k * w + j] = scale * diff[j]
                }
            }
        }
        return total
    }
}
