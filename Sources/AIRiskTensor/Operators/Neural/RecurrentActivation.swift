import CVectorMath
import Foundation

/// An activation function of the ONNX recurrent operators (RNN, GRU, LSTM `activations`), with
/// its derivative for backpropagation through time.
enum RecurrentActivation: Sendable, Equatable {
    case relu
    case tanh
    case sigmoid
    case leakyRelu(alpha: Float)
    case thresholdedRelu(alpha: Float)
    case hardSigmoid(alpha: Float, beta: Float)
    case affine(alpha: Float, beta: Float)
    case scaledTanh(alpha: Float, beta: Float)
    case elu(alpha: Float)
    case softsign
    case softplus

    /// Parses `activations`, consuming `activation_alpha` / `activation_beta` in order for the
    /// functions that take them (onnxruntime's defaults when the lists run out).
    static func parse(_ names: [String], alphas: [Float], betas: [Float]) -> [RecurrentActivation]? {
        var a = alphas.makeIterator(), b = betas.makeIterator()
        var result = [RecurrentActivation]()
        for name in names {
            switch name.lowercased() {
            case "relu": result.append(.relu)
            case "tanh": result.append(.tanh)
            case "sigmoid": result.append(.sigmoid)
            case "leakyrelu": result.append(.leakyRelu(alpha: a.next() ?? 0.01))
            case "thresholdedrelu": result.append(.thresholdedRelu(alpha: a.next() ?? 1))
            case "hardsigmoid": result.append(.hardSigmoid(alpha: a.next() ?? 0.2, beta: b.next() ?? 0.5))
            case "affine": result.append(.affine(alpha: a.next() ?? 1, beta: b.next() ?? 0))
            case "scaledtanh": result.append(.scaledTanh(alpha: a.next() ?? 1, beta: b.next() ?? 1))
            case "elu": result.append(.elu(alpha: a.next() ?? 1))
            case "softsign": result.append(.softsign)
            case "softplus": result.append(.softplus)
            default: return nil
            }
        }
        return result
    }

    /// Writes `apply(clamp(src[i], −clip, clip))` to `dst[i]` for `count` elements; tanh and
    /// sigmoid use a vectorisable rational approximation (error below 1e-6).
    func apply(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, count: Int, clip: Float) {
        switch self {
        case .tanh:
            airisk_tanh_affine(src, dst, count, clip, 1, 1, 0)
        case .sigmoid:
            airisk_tanh_affine(src, dst, count, clip, 0.5, 0.5, 0.5)
        case .relu:
            for i in 0..<count { dst[i] = max(0, min(max(src[i], -clip), clip)) }
        default:
            for i in 0..<count { dst[i] = apply(min(max(src[i], -clip), clip)) }
        }
    }

    /// d apply(x) / dx given x and y = apply(x); uses y where that avoids a transcendental.
    @inline(__always)
    func derivative(x: Float, y: Float) -> Float {
        switch self {
        case .tanh: return 1 - y * y
        case .sigmoid: return y * (1 - y)
        case .relu: return x > 0 ? 1 : 0
        default: return derivative(x)
        }
    }

    /// tanh as a rational function of x (the minimax approximation Eigen and onnxruntime use),
    /// written without branches so that loops over it vectorise.
    @inline(__always)
    static func fastTanh(_ value: Float) -> Float {
        let x = min(max(value, -7.90531110763549805), 7.90531110763549805)
        let x2 = x * x
        var p: Float = -2.76076847742355e-16
        p = p * x2 + 2.00018790482477e-13
        p = p * x2 - 8.60467152213735e-11
        p = p * x2 + 5.12229709037114e-08
        p = p * x2 + 1.48572235717979e-05
        p = p * x2 + 6.37261928875436e-04
        p = p * x2 + 4.89352455891786e-03
        p = p * x
        var q: Float = 1.19825839466702e-06
        q = q * x2 + 1.18534705686654e-04
        q = q * x2 + 2.26843463243900e-03
        q = q * x2 + 4.89352518554385e-03
        let t = p / q
        return abs(value) < 0.0004 ? value : t
    }

    @inline(__always)
    func apply(_ x: Float) -> Float {
        switch self {
        case .relu: return max(0, x)
        case .tanh: return Self.fastTanh(x)
        case .sigmoid: return 0.5 + 0.5 * Self.fastTanh(0.5 * x)
        case .leakyRelu(let alpha): return x >= 0 ? x : alpha * x
        case .thresholdedRelu(let alpha): return x > alpha ? x : 0
        case .hardSigmoid(let alpha, let beta): return min(1, max(0, alpha * x + beta))
        case .affine(let alpha, let beta): return alpha * x + beta
        case .scaledTanh(let alpha, let beta): return alpha * Foundation.tanh(beta * x)
        case .elu(let alpha): return x >= 0 ? x : alpha * (exp(x) - 1)
        case .softsign: return x / (1 + abs(x))
        case .softplus: return log1p(exp(x))
        }
    }

    /// d apply(x) / dx.
    @inline(__always)
    func derivative(_ x: Float) -> Float {
        switch self {
        case .relu: return x > 0 ? 1 : 0
        case .tanh:
            let t = Self.fastTanh(x)
            return 1 - t * t
        case .sigmoid:
            let s = 0.5 + 0.5 * Self.fastTanh(0.5 * x)
            return s * (1 - s)
        case .leakyRelu(let alpha): return x >= 0 ? 1 : alpha
        case .thresholdedRelu(let alpha): return x > alpha ? 1 : 0
        case .hardSigmoid(let alpha, let beta):
            let v = alpha * x + beta
            return v > 0 && v < 1 ? alpha : 0
        case .affine(let alpha, _): return alpha
        case .scaledTanh(let alpha, let beta):
            let t = Foundation.tanh(beta * x)
            return alpha * beta * (1 - t * t)
        case .elu(let alpha): return x >= 0 ? 1 : alpha * exp(x)
        case .softsign:
            let d = 1 + abs(x)
            return 1 / (d * d)
        case .softplus: return 1 / (1 + exp(-x))
        }
    }
}
