import Foundation

/// A trained network read as a classifier (softmax over its outputs) or as a regressor (de-standardized outputs).
struct NetworkSurrogate<Network: TrainableNetwork>: Surrogate {
    var network: Network
    let isRegression: Bool
    /// Regression output de-standardization: y = y' · outputScale + outputMean.
    let outputMean: [Float]
    let outputScale: [Float]

    var outputWidth: Int { network.outputWidth }

    func predict(_ inputs: [Float], rows: Int) -> [Float] {
        let x = inputs.withUnsafeBufferPointer { network.standardizer.apply($0, rows: rows) }
        var z = network.outputs(standardized: x, rows: rows)
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
        let x = inputs.withUnsafeBufferPointer { network.standardizer.apply($0, rows: rows) }
        var g = network.inputGradient(standardized: x, rows: rows, outputs: outputs)
        let inv = network.standardizer.invScale
        let d = inv.count
        for r in 0..<rows {
            for j in 0..<d { g[r * d + j] *= inv[j] }
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
