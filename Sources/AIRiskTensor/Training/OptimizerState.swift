import Foundation

/// Per-parameter optimiser state (momentum / moment estimates).
struct OptimizerState {
    var first: [[Float]]
    var second: [[Float]]
    var step = 0

    init(sizes: [Int]) {
        first = sizes.map { [Float](repeating: 0, count: $0) }
        second = sizes.map { [Float](repeating: 0, count: $0) }
    }

    /// Updates `params[i]` in place from `grads[i]`, with the learning rate scaled by `rateScale`.
    mutating func apply(
        _ optimizer: Optimizer, params: inout [[Float]], grads: [[Float]], decays: [Bool], rateScale: Float = 1
    ) {
        step += 1
        let wd = optimizer.weightDecay
        for p in params.indices {
            let decay = decays[p] ? wd : 0
            let g = grads[p]
            params[p].withUnsafeMutableBufferPointer { w in
                first[p].withUnsafeMutableBufferPointer { m in
                    second[p].withUnsafeMutableBufferPointer { v in
                        switch optimizer {
                        case .sgd(let rate, let momentum, _):
                            let lr = rate * rateScale
                            for i in 0..<w.count {
                                let gi = g[i] + decay * w[i]
                                m[i] = momentum * m[i] + gi
                                w[i] -= lr * m[i]
                            }
                        case .adam(let rate, let b1, let b2, let eps, _):
                            let lr = rate * rateScale
                            let c1 = 1 - Foundation.pow(b1, Float(step))
                            let c2 = 1 - Foundation.pow(b2, Float(step))
                            for i in 0..<w.count {
                                let gi = g[i] + decay * w[i]
                                m[i] = b1 * m[i] + (1 - b1) * gi
                                v[i] = b2 * v[i] + (1 - b2) * gi * gi
                                w[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
