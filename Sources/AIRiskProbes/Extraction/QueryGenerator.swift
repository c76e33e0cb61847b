import AIRiskAccess
import AIRiskTensor
import Foundation

/// Produces the rows one query source sends next.
struct QueryGenerator {
    let source: QuerySource
    let statistics: FeatureStatistics
    /// Public rows in the seeded order this source uses them (public-data source, adaptive seeds).
    let publicRows: [Float]?
    let publicLabels: [Int]?
    let publicTargets: [Float]?
    let publicCount: Int
    /// What values each column takes when the model takes named columns (integers, booleans, categories); nil
    /// when every feature is continuous.
    var domains: [FeatureDomain]? = nil

    /// Rows this source can produce at most (public data runs out; the others do not).
    var capacity: Int? { source == .publicData ? publicCount : nil }

    /// The next `count` rows, with their true labels (−1 when unknown) and true targets (NaN when unknown).
    /// `existing` holds the rows already asked; `surrogate` is the current copy (adaptive sources); `round` the
    /// index of this extension.
    func next(
        _ count: Int, existing: DistillationSet, surrogate: (any Surrogate)?, round: Int,
        generator: inout SeededGenerator
    ) throws -> (rows: [Float], labels: [Int], targets: [Float]) {
        var batch = try unsnapped(count, existing: existing, surrogate: surrogate, round: round, generator: &generator)
        snap(&batch.rows)
        return batch
    }

    /// Keeps every column in its own domain: integer, boolean and category columns are rounded to a whole value
    /// inside the range the data shows (a category index outside it would be a category no record has).
    private func snap(_ rows: inout [Float]) {
        guard let domains else { return }
        let d = statistics.featureCount
        guard d > 0, domains.count == d else { return }
        for j in 0..<d where domains[j] != .continuous {
            var lo = statistics.lower[j].rounded(.up)
            var hi = statistics.upper[j].rounded(.down)
            if !(lo <= hi) { (lo, hi) = (0, 0) }
            if domains[j] == .boolean { (lo, hi) = (max(lo, 0), min(hi, 1)) }
            var r = 0
            while r < rows.count / d {
                let v = rows[r * d + j]
                rows[r * d + j] = v.isFinite ? min(max(v.rounded(), lo), hi) : lo
                r += 1
            }
        }
    }

    private func unsnapped(
        _ count: Int, existing: DistillationSet, surrogate: (any Surrogate)?, round: Int,
        generator: inout SeededGenerator
    ) throws -> (rows: [Float], labels: [Int], targets: [Float]) {
        let d = statistics.featureCount
        switch source {
        case .publicData:
            return publicSlice(from: existing.rows, count: count)
        case .uniform:
            var x = [Float](repeating: 0, count: count * d)
            for r in 0..<count {
                for j in 0..<d { x[r * d + j] = statistics.lower[j] + generator.nextUniform() * statistics.width(j) }
            }
            return unlabelled(x, count)
        case .gaussian(let scale):
            return unlabelled(gaussian(count, scale: scale, generator: &generator), count)
        case .jacobian(let step):
            guard let surrogate, existing.rows > 0 else {
                return seed(count, existing: existing, generator: &generator)
            }
            return unlabelled(
                try jacobian(
                    count, step: step, existing: existing, surrogate: surrogate, round: round, generator: &generator),
                count)
        case .uncertainty(let poolFactor):
            guard let surrogate, !existing.isRegression else {
                return seed(count, existing: existing, generator: &generator)
            }
            let pool = max(1, poolFactor) * count
            let candidates = gaussian(pool, scale: 0.5, generator: &generator)
            let p = try surrogate.predict(candidates, rows: pool)
            let w = surrogate.outputWidth
            var entropy = [Float](repeating: 0, count: pool)
            for r in 0..<pool {
                var h: Float = 0
                for c in 0..<w {
                    let v = p[r * w + c]
                    if v > 0 { h -= v * logf(v) }
                }
                entropy[r] = h
            }
            let chosen = (0..<pool).sorted { entropy[$0] > entropy[$1] || (entropy[$0] == entropy[$1] && $0 < $1) }
            var x = [Float](repeating: 0, count: count * d)
            for (k, r) in chosen.prefix(count).enumerated() {
                for j in 0..<d { x[k * d + j] = candidates[r * d + j] }
            }
            return unlabelled(x, count)
        }
    }

    /// Adaptive sources start from public rows when there are any, else from Gaussian samples.
    private func seed(_ count: Int, existing: DistillationSet, generator: inout SeededGenerator)
        -> (rows: [Float], labels: [Int], targets: [Float])
    {
        if publicRows != nil, existing.rows + count <= publicCount {
            return publicSlice(from: existing.rows, count: count)
        }
        return unlabelled(gaussian(count, scale: 0.5, generator: &generator), count)
    }

    private func publicSlice(from start: Int, count: Int) -> (rows: [Float], labels: [Int], targets: [Float]) {
        let d = statistics.featureCount
        let end = min(start + count, publicCount)
        guard let publicRows, end > start else { return ([], [], []) }
        let rows = Array(publicRows[(start * d)..<(end * d)])
        let labels = publicLabels.map { Array($0[start..<end]) } ?? [Int](repeating: -1, count: end - start)
        let targets = publicTargets.map { Array($0[start..<end]) } ?? [Float](repeating: .nan, count: end - start)
        return (rows, labels, targets)
    }

    private func unlabelled(_ x: [Float], _ count: Int) -> (rows: [Float], labels: [Int], targets: [Float]) {
        (x, [Int](repeating: -1, count: count), [Float](repeating: .nan, count: count))
    }

    /// Rows around randomly chosen data rows, per-feature noise of `scale` standard deviations.
    private func gaussian(_ count: Int, scale: Float, generator: inout SeededGenerator) -> [Float] {
        let d = statistics.featureCount
        var x = [Float](repeating: 0, count: count * d)
        for r in 0..<count {
            let centre = Int(generator.next() % UInt64(max(statistics.rowCount, 1)))
            for j in 0..<d {
                let base = statistics.rowCount > 0 ? statistics.rows[centre * d + j] : statistics.mean[j]
                x[r * d + j] = base + generator.nextGaussian() * scale * statistics.scale(j)
            }
        }
        return x
    }

    /// Papernot et al. 2017: x' = x + λ·w_j·sign(∂F_s[O(x)]/∂x), w_j the feature's range width, λ alternating in
    /// sign between rounds, parents drawn from the rows already asked, clipped to the observed ranges.
    private func jacobian(
        _ count: Int, step: Float, existing: DistillationSet, surrogate: any Surrogate, round: Int,
        generator: inout SeededGenerator
    ) throws -> [Float] {
        let d = statistics.featureCount
        var parents = [Float](repeating: 0, count: count * d)
        var labels = [Int](repeating: 0, count: count)
        for r in 0..<count {
            let p = Int(generator.next() % UInt64(existing.rows))
            for j in 0..<d { parents[r * d + j] = existing.inputs[p * d + j] }
            labels[r] = existing.isRegression ? 0 : existing.targetLabels[p]
        }
        let g = try surrogate.inputGradient(parents, rows: count, outputs: labels)
        let direction: Float = round % 2 == 0 ? 1 : -1
        var x = parents
        for r in 0..<count {
            for j in 0..<d {
                let s = g[r * d + j]
                let sign: Float = s > 0 ? 1 : (s < 0 ? -1 : 0)
                x[r * d + j] = statistics.clamp(parents[r * d + j] + direction * step * statistics.width(j) * sign, j)
            }
        }
        return x
    }
}
