/// How close a reconstruction is to a class's member data.
///
/// Plain cosine similarity is inflated by what every record shares (a blank digit already
/// scores high against any digit), so the centred cosine subtracts the population mean first.
package struct SimilarityMetrics: Sendable, Equatable {
    /// Mean squared error to the class's mean member record.
    package var mseToClassMean: Double
    /// Cosine similarity to the class's mean member record.
    package var cosineToClassMean: Double
    /// Cosine similarity after subtracting the population mean from both vectors.
    package var centredCosineToClassMean: Double
    /// Euclidean distance to the closest member record of the class.
    package var nearestMemberDistance: Double

    /// Compares `x` with `classMean`, `populationMean` and each of `classMembers` (all length d).
    static func measure(
        _ x: [Float], classMean: [Float], populationMean: [Float], classMembers: [[Float]]
    ) -> SimilarityMetrics {
        let d = x.count
        var se = 0.0
        var dot = 0.0
        var nx = 0.0
        var nm = 0.0
        var cdot = 0.0
        var cnx = 0.0
        var cnm = 0.0
        for j in 0..<d {
            let a = Double(x[j])
            let b = Double(classMean[j])
            let p = Double(populationMean[j])
            se += (a - b) * (a - b)
            dot += a * b
            nx += a * a
            nm += b * b
            cdot += (a - p) * (b - p)
            cnx += (a - p) * (a - p)
            cnm += (b - p) * (b - p)
        }
        var nearest = Double.infinity
        for m in classMembers {
            var s = 0.0
            for j in 0..<d {
                let diff = Double(x[j]) - Double(m[j])
                s += diff * diff
            }
            nearest = min(nearest, s)
        }
        func cosine(_ num: Double, _ a: Double, _ b: Double) -> Double {
            let den = (a * b).squareRoot()
            return den > 0 ? num / den : 0
        }
        return SimilarityMetrics(
            mseToClassMean: d > 0 ? se / Double(d) : 0,
            cosineToClassMean: cosine(dot, nx, nm),
            centredCosineToClassMean: cosine(cdot, cnx, cnm),
            nearestMemberDistance: nearest.isFinite ? nearest.squareRoot() : .nan)
    }
}
