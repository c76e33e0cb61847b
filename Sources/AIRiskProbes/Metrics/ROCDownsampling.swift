import Foundation

extension ROCCurve {
    /// At most about `linearCount + logCount` points for reports: for each grid FPR, the curve's
    /// best point at or below it. The grid is linear over [0, 1] plus logarithmic from 10⁻⁴ to 10⁻¹
    /// so the low-FPR region, where membership risk is judged, keeps its detail on log axes.
    package func downsampled(linearCount: Int = 50, logCount: Int = 40) -> [ROCPoint] {
        guard points.count > linearCount + logCount + 2 else { return points }
        var grid: [Double] = (0...linearCount).map { Double($0) / Double(linearCount) }
        for i in 0...logCount { grid.append(pow(10, -4 + 3 * Double(i) / Double(logCount))) }
        var keep = Set<Int>([0, points.count - 1])
        for g in grid {
            let allowed = maxFalsePositives(atFPR: g)
            // Points are sorted by false positives, so binary-search the last one within `allowed`.
            var lo = 0
            var hi = points.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if points[mid].falsePositives <= allowed { lo = mid } else { hi = mid - 1 }
            }
            keep.insert(lo)
            // Also keep the first point of the next FPR step so the curve's staircase survives.
            if lo + 1 < points.count { keep.insert(lo + 1) }
        }
        return keep.sorted().map { points[$0] }
    }
}
