import Foundation

/// The kernel of the ai.onnx.ml SVM operators (`kernel_type`, `kernel_params` = [gamma, coef0,
/// degree]), evaluated as onnxruntime does: LINEAR x·v + c, POLY (γ·x·v + coef0)^degree,
/// SIGMOID tanh(γ·x·v + coef0), RBF exp(−γ·‖x − v‖²).
struct SVMKernelFunction: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case linear = "LINEAR", poly = "POLY", rbf = "RBF", sigmoid = "SIGMOID"
    }
    var kind: Kind
    var gamma: Float
    var coef0: Float
    var degree: Float

    init(_ a: MLAttributes) throws {
        kind = try a.choice("kernel_type", default: Kind.linear)
        let params = try a.floats("kernel_params") ?? []
        guard params.isEmpty || params.count >= 3 else {
            throw a.invalid("kernel_params", "must hold gamma, coef0 and degree, got \(params.count) values")
        }
        gamma = params.first ?? 0
        coef0 = params.count > 1 ? params[1] : 0
        degree = params.count > 2 ? params[2] : 0
    }

    /// `[rows, n]`: the kernel of every row of `x` ([rows, k]) with every row of `v` ([n, k]), plus
    /// `c` for the LINEAR kernel.
    func evaluate(_ x: [Float], rows: Int, _ v: [Float], n: Int, k: Int, c: Float) -> [Float] {
        if kind == .rbf {
            var out = [Float](repeating: 0, count: rows * n)
            for r in 0..<rows {
                for j in 0..<n {
                    var sum: Float = 0
                    for f in 0..<k {
                        let d = x[r * k + f] - v[j * k + f]
                        sum += d * d
                    }
                    out[r * n + j] = Foundation.exp(-gamma * sum)
                }
            }
            return out
        }
        var out = MLMatrix.affine(x, rows: rows, k: k, weights: v, n: n, bias: [Float](repeating: 0, count: n))
        for i in out.indices {
            switch kind {
            case .linear: out[i] += c
            case .poly:
                let base = gamma * out[i] + coef0
                out[i] = degree == 2 ? base * base : (degree == 3 ? base * base * base : Foundation.pow(base, degree))
            case .sigmoid: out[i] = Foundation.tanh(gamma * out[i] + coef0)
            case .rbf: break
            }
        }
        return out
    }
}
