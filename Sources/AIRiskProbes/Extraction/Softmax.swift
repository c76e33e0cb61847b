import Foundation

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
