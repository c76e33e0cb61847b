import Foundation

/// A ``DenseNetwork`` read as a classifier (softmax over the last layer) or as a regressor (de-standardized
/// linear outputs).
struct DenseSurrogate: Surrogate {
    var network: DenseNetwork
    let isRegression: Bool
    /// Regression output de-standardization: y = y' · outputScale + outputMean.
    let outputMean: [Float]
    let outputScale: [Float]

    var outputWidth: Int { network.outputWidth }

    func predict(_ inputs: [Float], rows: Int) -> [Float] {
        var z = network.outputs(inputs, rows: rows)
        let w = outputWidth
        if isRegression {
            for r in 0..<rows {
                for j in 0..<w { z[r * w + j] = z[r * w + j] * outputScale[j] + outputMean[j] }
            }
        } else {
            z.withUnsafeMutableBufferPointer { Softmax.rows($0, rows: rows, width: w, temperature: 1) }
        }
        return z
    }

    func inputGradient(_ inputs: [Float], rows: Int, outputs: [Int]) -> [Float] {
        let a0 = inputs.withUnsafeBufferPointer { network.standardize($0, rows: rows) }
        let acts = network.forward(standardized: a0, rows: rows)
        let w = outputWidth
        var seed = [Float](repeating: 0, count: rows * w)
        for r in 0..<rows where outputs[r] >= 0 && outputs[r] < w { seed[r * w + outputs[r]] = 1 }
        var g = network.backward(activations: acts, gradOutput: seed, rows: rows, wantInput: true).input ?? []
        let d = network.inputWidth
        for r in 0..<rows {
            for j in 0..<d { g[r * d + j] *= network.inputInvScale[j] }
        }
        return g
    }
}

/// Row-wise numerically stable softmax.
enum Softmax {
    static func rows(_ z: UnsafeMutableBufferPointer<Float>, rows: Int, width w: Int, temperature t: Float) {
        let invT = 1 / t
        for r in 0..<rows {
            let base = r &* w
            var mx = -Float.infinity
            for j in 0..<w { mx = max(mx, z[base &+ j]) }
            var s: Float = 0
            for j in 0..<w {
                let e = expf((z[base &+ j] - mx) * invT)
                z[base &+ j] = e
                s += e
            }
            let inv = 1 / s
            for j in 0..<w { z[base &+ j] *= inv }
        }
    }
}
