/// Per-feature input standardization, x' = (x − mean) · invScale, fitted on the training rows.
struct Standardizer: Sendable {
    let mean: [Float]
    let invScale: [Float]

    init(inputs: [Float], rows: Int, featureCount d: Int) {
        var mean = [Float](repeating: 0, count: d)
        var sq = [Float](repeating: 0, count: d)
        for r in 0..<rows {
            for j in 0..<d {
                let v = inputs[r * d + j]
                mean[j] += v
                sq[j] += v * v
            }
        }
        var inv = [Float](repeating: 1, count: d)
        let n = Float(max(rows, 1))
        for j in 0..<d {
            mean[j] /= n
            let variance = max(0, sq[j] / n - mean[j] * mean[j])
            inv[j] = variance > 1e-12 ? 1 / variance.squareRoot() : 1
        }
        self.mean = mean
        invScale = inv
    }

    /// Standardized copy of `rows` input rows.
    func apply(_ x: UnsafeBufferPointer<Float>, rows: Int) -> [Float] {
        let d = mean.count
        var out = [Float](repeating: 0, count: rows * d)
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows {
                let base = r &* d
                for j in 0..<d { o[base &+ j] = (x[base &+ j] - mean[j]) * invScale[j] }
            }
        }
        return out
    }
}
