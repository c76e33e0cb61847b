/// How well a copy of a regressor does, next to the target itself (first output, evaluation data).
package struct RegressionFit: Sendable, Equatable {
    /// R² of the copy against the true targets (nil without true targets).
    package var surrogateR2: Double?
    /// R² of the target model against the true targets (nil without true targets).
    package var targetR2: Double?
    /// Mean absolute error of the copy against the true targets.
    package var surrogateMAE: Double?
    /// Mean absolute error of the target against the true targets.
    package var targetMAE: Double?
    /// R² of the copy against the target's outputs: how faithful the copy is.
    package var fidelityR2: Double
    /// Mean absolute difference between the copy's and the target's outputs.
    package var fidelityMAE: Double

    /// Compares `predicted` with `target` outputs and, when given, with `truth`.
    static func measure(predicted: [Float], target: [Float], truth: [Float]?) -> RegressionFit {
        let p = predicted.map(Double.init)
        let t = target.map(Double.init)
        let y = truth.map { $0.map(Double.init) }
        return RegressionFit(
            surrogateR2: y.map { r2(p, $0) }, targetR2: y.map { r2(t, $0) }, surrogateMAE: y.map { mae(p, $0) },
            targetMAE: y.map { mae(t, $0) }, fidelityR2: r2(p, t), fidelityMAE: mae(p, t))
    }

    static func r2(_ prediction: [Double], _ reference: [Double]) -> Double {
        guard !reference.isEmpty else { return 0 }
        let mean = reference.reduce(0, +) / Double(reference.count)
        var ssRes = 0.0
        var ssTot = 0.0
        for (p, r) in zip(prediction, reference) {
            ssRes += (r - p) * (r - p)
            ssTot += (r - mean) * (r - mean)
        }
        return ssTot > 0 ? 1 - ssRes / ssTot : (ssRes == 0 ? 1 : 0)
    }

    static func mae(_ prediction: [Double], _ reference: [Double]) -> Double {
        guard !reference.isEmpty else { return 0 }
        return zip(prediction, reference).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(reference.count)
    }
}
