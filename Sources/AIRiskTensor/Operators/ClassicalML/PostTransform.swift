import Foundation

/// The score transform of ai.onnx.ml classifiers and regressors (`post_transform`), with its
/// vector-Jacobian product for the differentiable operators.
///
/// Semantics follow onnxruntime: with two or more columns the transform applies to every row
/// (LOGISTIC and PROBIT elementwise, SOFTMAX row-wise, SOFTMAX_ZERO row-wise over the non-zero
/// scores); a single column is only transformed by PROBIT. PROBIT uses onnxruntime's closed-form
/// inverse-error-function approximation so that results match it.
enum PostTransform: String, Sendable, CaseIterable {
    case none = "NONE"
    case logistic = "LOGISTIC"
    case softmax = "SOFTMAX"
    case softmaxZero = "SOFTMAX_ZERO"
    case probit = "PROBIT"

    func apply(rows: Int, columns: Int, _ v: inout [Float]) {
        if self == .none || rows == 0 || columns == 0 { return }
        if columns == 1 && self != .probit { return }
        v.withUnsafeMutableBufferPointer { p in
            switch self {
            case .none: return
            case .logistic: for i in 0..<p.count { p[i] = Self.logistic(p[i]) }
            case .probit: for i in 0..<p.count { p[i] = Self.probit(p[i]) }
            case .softmax, .softmaxZero:
                for r in 0..<rows {
                    let row = UnsafeMutableBufferPointer(rebasing: p[(r &* columns)..<(r &* columns &+ columns)])
                    if self == .softmax { Self.softmax(row) } else { Self.softmaxZero(row) }
                }
            }
        }
    }

    /// Given the transformed values `y` and the gradient with respect to them, the gradient with
    /// respect to the raw scores.
    func backward(rows: Int, columns: Int, output y: [Float], gradient g: [Float]) -> [Float] {
        if self == .none || (columns == 1 && self != .probit) { return g }
        var dx = [Float](repeating: 0, count: g.count)
        switch self {
        case .none: return g
        case .logistic:
            for i in 0..<g.count { dx[i] = g[i] * y[i] * (1 - y[i]) }
        case .probit:
            // d/dp of sqrt(2)·erfinv(2p − 1) is sqrt(2π)·exp(y²/2) for the exact probit.
            for i in 0..<g.count { dx[i] = g[i] * Float((2 * Double.pi).squareRoot() * exp(Double(y[i] * y[i]) / 2)) }
        case .softmax, .softmaxZero:
            for r in 0..<rows {
                let base = r * columns
                var dot: Float = 0
                for c in 0..<columns { dot += g[base + c] * y[base + c] }
                for c in 0..<columns { dx[base + c] = y[base + c] * (g[base + c] - dot) }
            }
        }
        return dx
    }

    static func logistic(_ x: Float) -> Float {
        let v = 1 / (1 + Foundation.exp(-abs(x)))
        return x < 0 ? 1 - v : v
    }

    /// sqrt(2)·erfinv(2x − 1), with the closed-form erfinv approximation of Winitzki (a = 0.147).
    static func probit(_ x: Float) -> Float {
        let z = 2 * x - 1
        let sign: Float = z < 0 ? -1 : 1
        let l = Foundation.log((1 - z) * (1 + z))
        let v = 2 / (3.14159 * 0.147) + 0.5 * l
        let v2 = 1 / 0.147 * l
        let v3 = -v + (v * v - v2).squareRoot()
        return 1.41421356 * sign * v3.squareRoot()
    }

    static func softmax(_ row: UnsafeMutableBufferPointer<Float>) {
        var m = -Float.greatestFiniteMagnitude
        for x in row where x > m { m = x }
        var sum: Float = 0
        for i in 0..<row.count {
            row[i] = Foundation.exp(row[i] - m)
            sum += row[i]
        }
        for i in 0..<row.count { row[i] /= sum }
    }

    /// Softmax that leaves (near-)zero scores at zero, as onnxruntime's SOFTMAX_ZERO.
    static func softmaxZero(_ row: UnsafeMutableBufferPointer<Float>) {
        var m = -Float.greatestFiniteMagnitude
        for x in row where x > m { m = x }
        let expNegMax = Foundation.exp(-m)
        var sum: Float = 0
        for i in 0..<row.count {
            if row[i] > 0.0000001 || row[i] < -0.0000001 {
                row[i] = Foundation.exp(row[i] - m)
                sum += row[i]
            } else {
                row[i] *= expNegMax
            }
        }
        for i in 0..<row.count { row[i] /= sum }
    }
}
