/// The attacker's prior over inputs, fitted on public (auxiliary) data: where the descent starts
/// and the metric M of the penalty λ (x − x̄)ᵀ M⁻¹ (x − x̄) / d that holds it near plausible inputs.
///
/// The descent steps along M ∇J (the natural gradient under the prior), so M scales the model's
/// gradient and the penalty's own gradient becomes −2λ (x − x̄) / d; M⁻¹ is needed only to score
/// iterates, through a Cholesky factor.
struct InversionPrior {
    /// x̄: the public data's mean (the centre of the feature box without public data).
    let mean: [Float]
    /// Row-major d × d metric for the Gaussian prior; nil for the diagonal metric diag(range²).
    let metric: [Double]?
    /// Lower-triangular Cholesky factor of `metric`.
    let cholesky: [Double]?
    let widths: [Float]

    /// The largest feature count the Gaussian prior is fitted for (its d × d covariance and the
    /// O(d²) products per step); wider inputs get the diagonal prior.
    static let maxGaussianFeatures = 1024

    /// The diagonal prior centred on `mean`.
    init(mean: [Float], range: FeatureRange) {
        self.mean = mean
        self.metric = nil
        self.cholesky = nil
        self.widths = (0..<range.count).map(range.width)
    }

    /// The Gaussian prior of `rows` (n × d, row-major): their mean, and their covariance shrunk
    /// `shrinkage` of the way toward its mean variance so it is positive definite. Nil when the
    /// rows are too few or the covariance cannot be factored.
    init?(rows: [Float], count n: Int, range: FeatureRange, shrinkage: Float) {
        let d = range.count
        guard n >= 2, rows.count == n * d, d <= Self.maxGaussianFeatures else { return nil }
        let mean = Self.mean(rows, count: n, range: range)
        var cov = [Double](repeating: 0, count: d * d)
        var centred = [Double](repeating: 0, count: d)
        for r in 0..<n {
            // A missing (non-finite) value counts as the feature's mean: it adds nothing to the covariance.
            for j in 0..<d {
                let v = rows[r * d + j]
                centred[j] = v.isFinite ? Double(v) - mean[j] : 0
            }
            for i in 0..<d where centred[i] != 0 {
                let a = centred[i]
                for j in i..<d { cov[i * d + j] += a * centred[j] }
            }
        }
        var trace = 0.0
        for i in 0..<d {
            for j in i..<d {
                cov[i * d + j] /= Double(n - 1)
                cov[j * d + i] = cov[i * d + j]
            }
            trace += cov[i * d + i]
        }
        let s = Double(min(max(shrinkage, 0), 1))
        let floor = trace > 0 ? trace / Double(d) : 1
        for i in 0..<d {
            for j in 0..<d { cov[i * d + j] *= 1 - s }
            cov[i * d + i] += s * floor
        }
        guard let l = Self.cholesky(cov, d: d) else { return nil }
        self.mean = mean.map(Float.init)
        self.metric = cov
        self.cholesky = l
        self.widths = (0..<d).map(range.width)
    }

    var isGaussian: Bool { metric != nil }

    /// Each feature's mean over its finite values in `rows` (n × d); the middle of its range when it
    /// has none.
    static func mean(_ rows: [Float], count n: Int, range: FeatureRange) -> [Double] {
        let d = range.count
        var sum = [Double](repeating: 0, count: d)
        var present = [Int](repeating: 0, count: d)
        for r in 0..<n {
            for j in 0..<d where rows[r * d + j].isFinite {
                sum[j] += Double(rows[r * d + j])
                present[j] += 1
            }
        }
        return (0..<d).map { j in
            present[j] > 0 ? sum[j] / Double(present[j]) : Double(range.lower[j] + range.upper[j]) / 2
        }
    }

    /// M v for one row.
    func apply(_ v: ArraySlice<Float>) -> [Float] {
        let d = widths.count
        let base = v.startIndex
        guard let m = metric else {
            return (0..<d).map { j in widths[j] * widths[j] * v[base + j] }
        }
        var out = [Float](repeating: 0, count: d)
        for i in 0..<d {
            var s = 0.0
            for j in 0..<d { s += m[i * d + j] * Double(v[base + j]) }
            out[i] = Float(s)
        }
        return out
    }

    /// (x − x̄)ᵀ M⁻¹ (x − x̄) for one row.
    func quadratic(_ x: ArraySlice<Float>) -> Double {
        let d = widths.count
        let base = x.startIndex
        guard let l = cholesky else {
            var s = 0.0
            for j in 0..<d {
                let t = Double(x[base + j] - mean[j]) / Double(widths[j])
                s += t * t
            }
            return s
        }
        // Solve L y = x − x̄; then (x − x̄)ᵀ M⁻¹ (x − x̄) = ‖y‖².
        var y = [Double](repeating: 0, count: d)
        var s = 0.0
        for i in 0..<d {
            var t = Double(x[base + i] - mean[i])
            for k in 0..<i { t -= l[i * d + k] * y[k] }
            y[i] = t / l[i * d + i]
            s += y[i] * y[i]
        }
        return s
    }

    static func cholesky(_ a: [Double], d: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0...i {
                var s = a[i * d + j]
                for k in 0..<j { s -= l[i * d + k] * l[j * d + k] }
                if i == j {
                    guard s > 0, s.isFinite else { return nil }
                    l[i * d + i] = s.squareRoot()
                } else {
                    l[i * d + j] = s / l[j * d + j]
                }
            }
        }
        return l
    }
}
