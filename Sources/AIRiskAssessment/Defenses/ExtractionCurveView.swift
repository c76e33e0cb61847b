import AIRiskResults

/// The extraction probe's fidelity-versus-queries evidence read back from its canonical result by metric ID:
/// the curve's points and the equation-solving copy, which is what a query limit is judged by.
struct ExtractionCurveView: Sendable {
    /// (queries, fidelity) over every source, surrogate and loss, and the equation-solving copy.
    var points: [(queries: Int, fidelity: Double)]
    /// Held-out rows fidelity was measured on.
    var rows: Int
    /// The majority-label baseline (nil for regressors).
    var majority: Double?

    init?(_ result: ProbeResult) {
        var pts: [(Int, Double)] = []
        for c in result.curves where c.id == .extractionFidelityCurve {
            for s in c.series { for p in s.points { pts.append((Int(p.x), p.y)) } }
        }
        if let q = result.metric(.extractionEquationQueries), let f = result.metric(.extractionEquationFidelity) {
            pts.append((Int(q.value), f.value))
        }
        guard !pts.isEmpty else { return nil }
        points = pts.map { (queries: $0.0, fidelity: $0.1) }
        rows = Int(result.metric(.extractionHeldOutRows)?.value ?? 0)
        majority = result.metric(.extractionMajorityFidelity)?.value
    }

    var maxQueries: Int { points.map(\.queries).max() ?? 0 }
    var bestFidelity: Double { points.map(\.fidelity).max() ?? 0 }

    /// The best fidelity any copy reached with at most `n` queries, or nil when none was that cheap.
    func fidelity(within n: Int) -> Double? {
        points.filter { $0.queries <= n }.map(\.fidelity).max()
    }

    /// The headline evidence of the best copy within `n` queries (nil when none was that cheap).
    func evidence(within n: Int) -> LeakageEvidence? {
        guard let best = points.filter({ $0.queries <= n }).max(by: { $0.fidelity < $1.fidelity }) else {
            return nil
        }
        return ExtractionRun.evidence(
            fidelity: best.fidelity, queries: best.queries, method: "best copy within \(n) queries", rows: rows,
            majority: majority)
    }

    /// The fewest queries with which any copy reached `t` fidelity.
    func queriesToReach(_ t: Double) -> Int? {
        points.filter { $0.fidelity >= t }.map(\.queries).min()
    }
}
