/// Per-feature standardisation fitted on row-major training rows, x' = (x − mean) / std, with the
/// moments accumulated in double precision. A constant feature (variance below 1e-12) gets standard
/// deviation 1, so it passes through centred. Every model the tool trains standardises its inputs
/// with this one type.
///
/// Missing values (NaN, and infinities) are left out of the moments and standardised to 0, the feature's
/// mean: data a tree ensemble was trained on with missing values (XGBoost, LightGBM) trains the tool's own
/// surrogate, shadow and reference networks without a NaN loss.
package struct FeatureStandardizer: Sendable, Equatable {
    /// Per-feature mean.
    package var mean: [Float]
    /// The population standard deviation, or 1 where the variance is below 1e-12.
    package var standardDeviation: [Float]
    /// 1 / ``standardDeviation``, computed in double precision.
    package var inverseStandardDeviation: [Float]

    /// The number of features per row.
    package var featureCount: Int { mean.count }

    /// Fits the moments of `rows` rows of `width` features.
    package init(_ x: [Float], rows n: Int, width d: Int) {
        var sum = [Double](repeating: 0, count: d)
        var sq = [Double](repeating: 0, count: d)
        var count = [Int](repeating: 0, count: d)
        x.withUnsafeBufferPointer { p in
            for r in 0..<n {
                for j in 0..<d {
                    let v = Double(p[r &* d &+ j])
                    guard v.isFinite else { continue }
                    sum[j] += v
                    sq[j] += v * v
                    count[j] &+= 1
                }
            }
        }
        var mean = [Float](repeating: 0, count: d)
        var std = [Float](repeating: 1, count: d)
        var inverse = [Float](repeating: 1, count: d)
        for j in 0..<d {
            let m = sum[j] / Double(max(count[j], 1))
            let variance = max(sq[j] / Double(max(count[j], 1)) - m * m, 0)
            mean[j] = Float(m)
            if variance > 1e-12 {
                std[j] = Float(variance.squareRoot())
                inverse[j] = Float(1 / variance.squareRoot())
            }
        }
        self.mean = mean
        standardDeviation = std
        inverseStandardDeviation = inverse
    }

    /// The transform that leaves every feature as given (a missing value still becomes 0): for models that
    /// learn on the raw inputs.
    package static func identity(width d: Int) -> FeatureStandardizer {
        FeatureStandardizer(
            mean: [Float](repeating: 0, count: d), standardDeviation: [Float](repeating: 1, count: d),
            inverseStandardDeviation: [Float](repeating: 1, count: d))
    }

    private init(mean: [Float], standardDeviation: [Float], inverseStandardDeviation: [Float]) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.inverseStandardDeviation = inverseStandardDeviation
    }

    /// A standardised copy of `rows` rows: (x − mean) / std, and 0 for a missing (non-finite) value.
    package func apply(_ x: [Float], rows: Int) -> [Float] {
        let d = featureCount
        var out = x
        out.withUnsafeMutableBufferPointer { o in
            mean.withUnsafeBufferPointer { m in
                standardDeviation.withUnsafeBufferPointer { s in
                    for r in 0..<rows {
                        let base = r &* d
                        for j in 0..<d {
                            let v = o[base &+ j]
                            o[base &+ j] = v.isFinite ? (v - m[j]) / s[j] : 0
                        }
                    }
                }
            }
        }
        return out
    }
}
