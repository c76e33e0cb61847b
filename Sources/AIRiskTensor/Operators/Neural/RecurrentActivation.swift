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

    @inline(__always)
    func apply(_ x: Float) -> Float {
        switch self {
        case .relu: return max(0, x)
        case .tanh: return Foundation.tanh(x)
        case .sigmoid: return 1 / (1 + exp(-x))
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
            let t = Foundation.tanh(x)
            return 1 - t * t
        case .sigmoid:
            let s = 1 / (1 + exp(-x))
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
