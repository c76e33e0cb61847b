import AIRiskAccess
import AIRiskTensor

/// The label-only decision-boundary attack in its query-cheap, random-direction form
/// (after Choquette-Choo et al. 2021): training records tend to sit further from the decision
/// boundary, so their label survives larger random perturbations.
///
/// Each record is perturbed `directions` times at every radius r (Gaussian noise scaled by r × the
/// feature's standard deviation over the supplied records). Score = 1[label correct unperturbed] +
/// the fraction of perturbed copies still labelled correctly, in [0, 2].
enum BoundaryDistanceAttack {
    static func scores(
        model: any ModelAccess, records: LabeledData, unperturbedLabels: [Int], radii: [Double], directions: Int,
        seed: UInt64, batchRows: Int
    ) async throws -> [Double] {
        let n = records.count
        let d = records.rowWidth
        let x = records.scalars
        var std = [Float](repeating: 0, count: d)
        for j in 0..<d {
            var s = 0.0
            var sq = 0.0
            for r in 0..<n {
                let v = Double(x[r * d + j])
                s += v
                sq += v * v
            }
            let m = s / Double(max(n, 1))
            std[j] = Float(max(sq / Double(max(n, 1)) - m * m, 0).squareRoot())
        }
        let perRecord = radii.count * directions
        let recordsPerBatch = max(1, batchRows / max(perRecord, 1))
        var rng = SeededGenerator(seed: seed)
        var robust = [Int](repeating: 0, count: n)
        var start = 0
        while start < n {
            let count = min(recordsPerBatch, n - start)
            var batch = [Float]()
            batch.reserveCapacity(count * perRecord * d)
            for r in start..<(start + count) {
                let base = r * d
                for radius in radii {
                    for _ in 0..<directions {
                        for j in 0..<d {
                            batch.append(x[base + j] + Float(radius) * std[j] * rng.nextGaussian())
                        }
                    }
                }
            }
            let out = try await model.predict(
                scalars: batch, rows: count * perRecord, rowShape: records.rowShape, batchRows: batchRows)
            let predicted = ModelQuery.labels(out)
            for k in 0..<count {
                let y = records.labels[start + k]
                for q in 0..<perRecord where predicted[k * perRecord + q] == y { robust[start + k] += 1 }
            }
            start += count
        }
        return (0..<n).map { r in
            (unperturbedLabels[r] == records.labels[r] ? 1 : 0) + Double(robust[r]) / Double(max(perRecord, 1))
        }
    }
}
