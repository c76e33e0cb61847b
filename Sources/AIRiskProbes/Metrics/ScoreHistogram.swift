/// Member and non-member score counts over shared, equal-width bins, for the report's plot.
package struct ScoreHistogram: Sendable, Equatable, Codable {
    /// `binCount + 1` increasing edges; bin i is [edges[i], edges[i+1]) (the last is closed).
    package var edges: [Double]
    package var members: [Int]
    package var nonMembers: [Int]

    /// Bins spanning the finite scores of both sets; infinite scores fall in the end bins.
    package init(memberScores: [Double], nonMemberScores: [Double], binCount: Int = 30) {
        let finite = (memberScores + nonMemberScores).filter { $0.isFinite }
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if hi <= lo {
            lo -= 0.5
            hi += 0.5
        }
        let bins = max(binCount, 1)
        let width = (hi - lo) / Double(bins)
        edges = (0...bins).map { lo + Double($0) * width }
        edges[bins] = hi
        func count(_ scores: [Double]) -> [Int] {
            var c = [Int](repeating: 0, count: bins)
            for s in scores where !s.isNaN {
                let raw = s.isFinite ? Int(((s - lo) / width).rounded(.down)) : (s > 0 ? bins - 1 : 0)
                c[min(max(raw, 0), bins - 1)] += 1
            }
            return c
        }
        members = count(memberScores)
        nonMembers = count(nonMemberScores)
    }
}
