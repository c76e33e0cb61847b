/// Per-feature ranges and moments of the data the attacker may know, and the rows Gaussian queries centre on.
struct FeatureStatistics: Sendable {
    let featureCount: Int
    let lower: [Float]
    let upper: [Float]
    let mean: [Float]
    let std: [Float]
    /// Row-major rows of the data (centres for Gaussian queries, seeds for adaptive sources).
    let rows: [Float]
    let rowCount: Int

    init(rows: [Float], rowCount n: Int, featureCount d: Int) {
        featureCount = d
        self.rows = rows
        rowCount = n
        var lo = [Float](repeating: .infinity, count: d)
        var hi = [Float](repeating: -.infinity, count: d)
        var sum = [Double](repeating: 0, count: d)
        var sq = [Double](repeating: 0, count: d)
        var count = [Int](repeating: 0, count: d)
        // Missing values (NaN, ±Inf) stay out of ranges and moments; Gaussian queries around a row keep its
        // missing values missing, as the model saw them in its data.
        for r in 0..<n {
            for j in 0..<d {
                let v = rows[r * d + j]
                guard v.isFinite else { continue }
                lo[j] = min(lo[j], v)
                hi[j] = max(hi[j], v)
                sum[j] += Double(v)
                sq[j] += Double(v) * Double(v)
                count[j] += 1
            }
        }
        for j in 0..<d where count[j] == 0 { (lo[j], hi[j]) = (0, 0) }
        var m = [Float](repeating: 0, count: d)
        var s = [Float](repeating: 1, count: d)
        for j in 0..<d {
            let mu = sum[j] / Double(max(count[j], 1))
            m[j] = Float(mu)
            let variance = max(0, sq[j] / Double(max(count[j], 1)) - mu * mu)
            s[j] = variance > 1e-12 ? Float(variance.squareRoot()) : 0
        }
        lower = lo
        upper = hi
        mean = m
        std = s
    }

    /// The width of feature j's range, or a unit width for features that never vary in the data (so sampled
    /// rows still vary along every axis).
    func width(_ j: Int) -> Float {
        let w = upper[j] - lower[j]
        return w > 0 ? w : max(1, abs(lower[j]))
    }

    /// A per-feature scale for Gaussian noise and Jacobian steps: the standard deviation, or a fraction of the
    /// range width where the feature is constant.
    func scale(_ j: Int) -> Float {
        std[j] > 0 ? std[j] : width(j) / 4
    }

    func clamp(_ v: Float, _ j: Int) -> Float {
        upper[j] > lower[j] ? min(max(v, lower[j]), upper[j]) : v
    }
}
