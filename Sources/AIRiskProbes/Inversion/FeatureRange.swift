import AIRiskTensor

/// Per-feature lower and upper bounds: the box inversion searches in.
package struct FeatureRange: Sendable, Equatable {
    package var lower: [Float]
    package var upper: [Float]

    package init(lower: [Float], upper: [Float]) {
        self.lower = lower
        self.upper = upper
    }

    /// The observed minimum and maximum of each feature over `rows` (`[n, d…]`, Float32).
    package init(observing rows: Tensor) throws {
        guard let values = rows.floats, let n = rows.shape.first, n > 0 else {
            throw ProbeError.emptyData(data: "the data for the feature ranges")
        }
        let d = values.count / n
        var lo = [Float](repeating: .infinity, count: d)
        var hi = [Float](repeating: -.infinity, count: d)
        for r in 0..<n {
            for j in 0..<d {
                let v = values[r * d + j]
                if v < lo[j] { lo[j] = v }
                if v > hi[j] { hi[j] = v }
            }
        }
        self.init(lower: lo, upper: hi)
    }

    package var count: Int { lower.count }

    /// Width of feature j's range, never zero (a constant feature gets width 1 for step scaling).
    func width(_ j: Int) -> Float {
        let w = upper[j] - lower[j]
        return w > 0 ? w : 1
    }
}
