/// Per-feature mean and standard deviation of row-major training rows, from which the in-process
/// trainers standardise their inputs (a constant feature gets standard deviation 1, so it passes
/// through centred).
struct FeatureMoments: Sendable, Equatable {
    var mean: [Float]
    /// The population standard deviation, or 1 where the variance is below 1e-12.
    var standardDeviation: [Float]
    /// 1 / ``standardDeviation``, computed in double precision.
    var inverseStandardDeviation: [Float]

    init(_ x: [Float], rows n: Int, width d: Int) {
        var sum = [Double](repeating: 0, count: d)
        var sq = [Double](repeating: 0, count: d)
        x.withUnsafeBufferPointer { p in
            for r in 0..<n {
                for j in 0..<d {
                    let v = Double(p[r &* d &+ j])
                    sum[j] += v
                    sq[j] += v * v
                }
            }
        }
        var mean = [Float](repeating: 0, count: d)
        var std = [Float](repeating: 1, count: d)
        var inverse = [Float](repeating: 1, count: d)
        for j in 0..<d {
            let m = sum[j] / Double(max(n, 1))
            let variance = max(sq[j] / Double(max(n, 1)) - m * m, 0)
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
}
