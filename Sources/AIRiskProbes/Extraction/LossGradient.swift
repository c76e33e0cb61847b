import Foundation

/// The gradient of a ``DistillationLoss`` with respect to the surrogate's last-layer outputs, averaged over a
/// mini-batch.
struct LossGradient {
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

    func gradient(outputs z: [Float], rows: ArraySlice<Int>) -> [Float] {
        let w = data.outputWidth
        let b = rows.count
        var g = [Float](repeating: 0, count: b * w)
        let invB = 1 / Float(b)
        if data.isRegression {
            regression(z, rows: rows, into: &g, width: w, scale: invB)
            return g
        }
        switch loss {
        case .soft(let t) where data.scoreKind != .none:
            addSoft(z, rows: rows, into: &g, width: w, temperature: t, weight: invB)
        case .combined(let mu, let t) where data.scoreKind != .none:
            addHard(z, rows: rows, into: &g, width: w, weight: mu * invB, preferTrue: true)
            addSoft(z, rows: rows, into: &g, width: w, temperature: t, weight: (1 - mu) * invB)
        default:
            addHard(z, rows: rows, into: &g, width: w, weight: invB, preferTrue: false)
        }
        return g
    }

    /// Cross-entropy against one label: softmax(z) − onehot(y).
    private func addHard(
        _ z: [Float], rows: ArraySlice<Int>, into g: inout [Float], width w: Int, weight: Float, preferTrue: Bool
    ) {
        var p = z
        p.withUnsafeMutableBufferPointer { Softmax.rows($0, rows: rows.count, width: w, temperature: 1) }
        for (k, r) in rows.enumerated() {
            let truth = data.trueLabels[r]
            let y = preferTrue && truth >= 0 && truth < w ? truth : data.targetLabels[r]
            for j in 0..<w {
                g[k * w + j] += weight * (p[k * w + j] - (j == y ? 1 : 0))
            }
        }
    }

    /// T² · cross-entropy between softmax(a_t / T) and softmax(z / T);
    /// gradient T · (softmax(z/T) − softmax(a_t/T)).
    private func addSoft(
        _ z: [Float], rows: ArraySlice<Int>, into g: inout [Float], width w: Int, temperature t: Float, weight: Float
    ) {
        var ps = z
        ps.withUnsafeMutableBufferPointer { Softmax.rows($0, rows: rows.count, width: w, temperature: t) }
        for (k, r) in rows.enumerated() {
            for j in 0..<w { g[k * w + j] += weight * t * (ps[k * w + j] - softTargets[r * w + j]) }
        }
    }

    private func regression(_ z: [Float], rows: ArraySlice<Int>, into g: inout [Float], width w: Int, scale: Float) {
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
                    for j in 0..<w { g[k * w + j] = scale * 2 * diff[j] }
                }
            case .margin(let m):
                let mScaled = m / outputScale[0]
                let ns = es.squareRoot()
                if ns + mScaled > et.squareRoot(), ns > 0 {
                    for j in 0..<w { g[k * w + j] = scale * diff[j] / ns }
                }
            default:
                for j in 0..<w { g[k * w + j] = scale * diff[j] }
            }
        }
    }
}
