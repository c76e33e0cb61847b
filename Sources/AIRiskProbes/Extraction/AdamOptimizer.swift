import Foundation

/// Adam (Kingma & Ba 2015) over a list of parameter arrays.
struct AdamOptimizer {
    var learningRate: Float
    var beta1: Float = 0.9
    var beta2: Float = 0.999
    var epsilon: Float = 1e-8
    private var m: [[Float]]
    private var v: [[Float]]
    private var step = 0

    init(shapes: [Int], learningRate: Float) {
        self.learningRate = learningRate
        m = shapes.map { [Float](repeating: 0, count: $0) }
        v = shapes.map { [Float](repeating: 0, count: $0) }
    }

    /// Starts a new step (advances the bias correction).
    mutating func beginStep() {
        step += 1
    }

    /// Updates `parameters[k]` in place with `gradients[k]`; the moments used are those at `offset + k`.
    mutating func update(_ parameters: inout [[Float]], gradients: [[Float]], offset: Int = 0) {
        let c1 = 1 - pow(beta1, Float(step))
        let c2 = 1 - pow(beta2, Float(step))
        let lr = learningRate * c2.squareRoot() / c1
        let b1 = beta1
        let b2 = beta2
        let eps = epsilon
        for k in parameters.indices {
            gradients[k].withUnsafeBufferPointer { g in
                m[offset + k].withUnsafeMutableBufferPointer { mp in
                    v[offset + k].withUnsafeMutableBufferPointer { vp in
                        parameters[k].withUnsafeMutableBufferPointer { p in
                            for i in 0..<p.count {
                                mp[i] = b1 * mp[i] + (1 - b1) * g[i]
                                vp[i] = b2 * vp[i] + (1 - b2) * g[i] * g[i]
                                p[i] -= lr * mp[i] / (vp[i].squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
