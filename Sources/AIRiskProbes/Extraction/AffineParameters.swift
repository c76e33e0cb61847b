/// The parameters of an affine map x ↦ W·x + b, one row per output (class logit or regression output).
package struct AffineParameters: Sendable, Equatable {
    /// `outputs` rows of `featureCount` weights each.
    package var weights: [[Double]]
    package var biases: [Double]

    package init(weights: [[Double]], biases: [Double]) {
        self.weights = weights
        self.biases = biases
    }

    package var outputs: Int { weights.count }

    /// The same map with row `reference` subtracted from every row: the part of a softmax model that its
    /// probabilities identify.
    package func relative(to reference: Int) -> AffineParameters {
        AffineParameters(
            weights: weights.map { row in zip(row, weights[reference]).map { $0 - $1 } },
            biases: biases.map { $0 - biases[reference] })
    }

    /// The map's values for one input row.
    func apply(_ x: ArraySlice<Float>) -> [Double] {
        weights.indices.map { c in
            var s = biases[c]
            for (w, v) in zip(weights[c], x) { s += w * Double(v) }
            return s
        }
    }
}
