/// A small dense least-squares solver in Double precision: column equilibration, then Householder QR with
/// the pivots checked for rank deficiency. Used by equation solving (systems of at most a few hundred unknowns).
enum LeastSquares {
    enum Failure: Error, Equatable {
        case tooFewRows(rows: Int, columns: Int)
        case rankDeficient(column: Int)
    }

    /// Solves min ‖A·X − B‖ for X. `a` is `rows × columns` row-major, `b` is `rows × rhsCount` row-major;
    /// returns X as `columns × rhsCount` row-major.
    static func solve(a: [Double], rows m: Int, columns n: Int, b: [Double], rhsCount k: Int) throws -> [Double] {
        guard m >= n else { throw Failure.tooFewRows(rows: m, columns: n) }
        // Equilibrate: scale every column to unit norm so features of very different magnitudes (raw inputs in
        // units of 0.01 and 1000) do not limit accuracy; the solution is scaled back at the end.
        var columnScale = [Double](repeating: 1, count: n)
        for j in 0..<n {
            var s = 0.0
            for i in 0..<m { s += a[i * n + j] * a[i * n + j] }
            if s > 0 { columnScale[j] = 1 / s.squareRoot() }
        }
        var r = a
        for i in 0..<m {
            for j in 0..<n { r[i * n + j] *= columnScale[j] }
        }
        var y = b
        let tiny = Double(max(m, n)) * 1e-13
        for j in 0..<n {
            // Householder vector for column j, rows j..<m.
            var norm = 0.0
            for i in j..<m { norm += r[i * n + j] * r[i * n + j] }
            norm = norm.squareRoot()
            if norm <= tiny { throw Failure.rankDeficient(column: j) }
            let alpha = r[j * n + j] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: m - j)
            for i in j..<m { v[i - j] = r[i * n + j] }
            v[0] -= alpha
            var vv = 0.0
            for e in v { vv += e * e }
            if vv == 0 { continue }
            // Apply H = I − 2vvᵀ/vᵀv to the remaining columns of R and to B.
            for c in j..<n {
                var dot = 0.0
                for i in j..<m { dot += v[i - j] * r[i * n + c] }
                let f = 2 * dot / vv
                for i in j..<m { r[i * n + c] -= f * v[i - j] }
            }
            for c in 0..<k {
                var dot = 0.0
                for i in j..<m { dot += v[i - j] * y[i * k + c] }
                let f = 2 * dot / vv
                for i in j..<m { y[i * k + c] -= f * v[i - j] }
            }
        }
        // Back substitution with the upper triangle of R.
        var x = [Double](repeating: 0, count: n * k)
        for c in 0..<k {
            for i in stride(from: n - 1, through: 0, by: -1) {
                var s = y[i * k + c]
                for j in (i + 1)..<n { s -= r[i * n + j] * x[j * k + c] }
                x[i * k + c] = s / r[i * n + i]
            }
        }
        for j in 0..<n {
            for c in 0..<k { x[j * k + c] *= columnScale[j] }
        }
        return x
    }
}
