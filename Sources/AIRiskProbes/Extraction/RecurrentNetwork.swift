import AIRiskTensor
import CBLAS
import Foundation

/// An Elman RNN over the first input axis: h_t = tanh(x_t·Wx + h_{t−1}·Wh + b_h), outputs h_T·Wo + b_o.
///
/// The surrogate for sequence models (seed 004 extracts an LSTM into an RNN); rows are `steps × stepWidth`
/// features, read in order. Trained by back-propagation through time.
struct RecurrentNetwork: Sendable {
    let steps: Int
    let stepWidth: Int
    let hidden: Int
    let outputWidth: Int
    let standardizer: Standardizer
    /// [Wx (stepWidth × hidden), Wh (hidden × hidden), b_h, Wo (hidden × outputs), b_o], row-major.
    var parameters: [[Float]]

    init(
        steps: Int, stepWidth: Int, hidden: Int, outputs: Int, inputs: [Float], rows: Int,
        generator: inout SeededGenerator
    ) {
        self.steps = steps
        self.stepWidth = stepWidth
        self.hidden = hidden
        outputWidth = outputs
        standardizer = Standardizer(inputs: inputs, rows: rows, featureCount: steps * stepWidth)
        func gaussian(_ n: Int, _ std: Float) -> [Float] { (0..<n).map { _ in generator.nextGaussian() * std } }
        parameters = [
            gaussian(stepWidth * hidden, 1 / Float(stepWidth).squareRoot()),
            gaussian(hidden * hidden, 0.5 / Float(hidden).squareRoot()),
            [Float](repeating: 0, count: hidden),
            gaussian(hidden * outputs, 0.5 / Float(hidden).squareRoot()),
            [Float](repeating: 0, count: outputs),
        ]
    }

    /// Hidden states h_0 (zeros) … h_T, each `rows × hidden`.
    private func states(_ x: [Float], rows: Int) -> [[Float]] {
        let d = steps * stepWidth
        var hs = [[Float](repeating: 0, count: rows * hidden)]
        for t in 0..<steps {
            var pre = [Float](repeating: 0, count: rows * hidden)
            pre.withUnsafeMutableBufferPointer { p in
                for r in 0..<rows {
                    for k in 0..<hidden { p[r &* hidden &+ k] = parameters[2][k] }
                }
                x.withUnsafeBufferPointer { xp in
                    parameters[0].withUnsafeBufferPointer { wx in
                        cblas_sgemm(
                            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(hidden), Int32(stepWidth), 1,
                            xp.baseAddress.map { $0 + t * stepWidth }, Int32(d), wx.baseAddress, Int32(hidden), 1,
                            p.baseAddress, Int32(hidden))
                    }
                }
                hs[t].withUnsafeBufferPointer { hp in
                    parameters[1].withUnsafeBufferPointer { wh in
                        cblas_sgemm(
                            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(hidden), Int32(hidden), 1,
                            hp.baseAddress, Int32(hidden), wh.baseAddress, Int32(hidden), 1, p.baseAddress,
                            Int32(hidden))
                    }
                }
                for i in 0..<p.count { p[i] = tanhf(p[i]) }
            }
            hs.append(pre)
        }
        return hs
    }

    private func readout(_ h: [Float], rows: Int) -> [Float] {
        var z = [Float](repeating: 0, count: rows * outputWidth)
        z.withUnsafeMutableBufferPointer { zp in
            for r in 0..<rows {
                for j in 0..<outputWidth { zp[r &* outputWidth &+ j] = parameters[4][j] }
            }
            h.withUnsafeBufferPointer { hp in
                parameters[3].withUnsafeBufferPointer { wo in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(outputWidth), Int32(hidden), 1,
                        hp.baseAddress, Int32(hidden), wo.baseAddress, Int32(outputWidth), 1, zp.baseAddress,
                        Int32(outputWidth))
                }
            }
        }
        return z
    }

    /// Back-propagation through time of `dz`; returns parameter gradients and, if asked, the input gradient.
    private func backward(_ x: [Float], states hs: [[Float]], dz: [Float], rows: Int, wantInput: Bool)
        -> (parameters: [[Float]], input: [Float]?)
    {
        let d = steps * stepWidth
        var grads = parameters.map { [Float](repeating: 0, count: $0.count) }
        var dx = [Float](repeating: 0, count: wantInput ? rows * d : 0)
        let c = outputWidth
        let h = hidden
        // Readout.
        hs[steps].withUnsafeBufferPointer { hp in
            dz.withUnsafeBufferPointer { gp in
                grads[3].withUnsafeMutableBufferPointer { gw in
                    cblas_sgemm(
                        CblasRowMajor, CblasTrans, CblasNoTrans, Int32(h), Int32(c), Int32(rows), 1, hp.baseAddress,
                        Int32(h), gp.baseAddress, Int32(c), 0, gw.baseAddress, Int32(c))
                }
            }
        }
        for r in 0..<rows {
            for j in 0..<c { grads[4][j] += dz[r * c + j] }
        }
        var dh = [Float](repeating: 0, count: rows * h)
        dz.withUnsafeBufferPointer { gp in
            parameters[3].withUnsafeBufferPointer { wo in
                dh.withUnsafeMutableBufferPointer { dp in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(h), Int32(c), 1, gp.baseAddress,
                        Int32(c), wo.baseAddress, Int32(c), 0, dp.baseAddress, Int32(h))
                }
            }
        }
        for t in stride(from: steps, through: 1, by: -1) {
            var dpre = dh
            for i in 0..<dpre.count { dpre[i] *= 1 - hs[t][i] * hs[t][i] }
            dpre.withUnsafeBufferPointer { gp in
                x.withUnsafeBufferPointer { xp in
                    grads[0].withUnsafeMutableBufferPointer { gw in
                        cblas_sgemm(
                            CblasRowMajor, CblasTrans, CblasNoTrans, Int32(stepWidth), Int32(h), Int32(rows), 1,
                            xp.baseAddress.map { $0 + (t - 1) * stepWidth }, Int32(d), gp.baseAddress, Int32(h), 1,
                            gw.baseAddress, Int32(h))
                    }
                }
                hs[t - 1].withUnsafeBufferPointer { hp in
                    grads[1].withUnsafeMutableBufferPointer { gw in
                        cblas_sgemm(
                            CblasRowMajor, CblasTrans, CblasNoTrans, Int32(h), Int32(h), Int32(rows), 1,
                            hp.baseAddress, Int32(h), gp.baseAddress, Int32(h), 1, gw.baseAddress, Int32(h))
                    }
                }
                if wantInput {
                    parameters[0].withUnsafeBufferPointer { wx in
                        dx.withUnsafeMutableBufferPointer { dp in
                            cblas_sgemm(
                                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(stepWidth), Int32(h), 1,
                                gp.baseAddress, Int32(h), wx.baseAddress, Int32(h), 0,
                                dp.baseAddress.map { $0 + (t - 1) * stepWidth }, Int32(d))
                        }
                    }
                }
                parameters[1].withUnsafeBufferPointer { wh in
                    dh.withUnsafeMutableBufferPointer { dp in
                        cblas_sgemm(
                            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(h), Int32(h), 1,
                            gp.baseAddress, Int32(h), wh.baseAddress, Int32(h), 0, dp.baseAddress, Int32(h))
                    }
                }
            }
            for r in 0..<rows {
                for k in 0..<h { grads[2][k] += dpre[r * h + k] }
            }
        }
        return (grads, wantInput ? dx : nil)
    }
}

extension RecurrentNetwork: TrainableNetwork {
    var parameterShapes: [Int] { parameters.map(\.count) }

    func outputs(standardized x: [Float], rows: Int) -> [Float] {
        readout(states(x, rows: rows)[steps], rows: rows)
    }

    func gradients(standardized x: [Float], rows: Int, outputGradient: ([Float]) -> [Float]) -> [[Float]] {
        let hs = states(x, rows: rows)
        let dz = outputGradient(readout(hs[steps], rows: rows))
        return backward(x, states: hs, dz: dz, rows: rows, wantInput: false).parameters
    }

    func inputGradient(standardized x: [Float], rows: Int, outputs: [Int]) -> [Float] {
        let hs = states(x, rows: rows)
        var seed = [Float](repeating: 0, count: rows * outputWidth)
        for r in 0..<rows where outputs[r] >= 0 && outputs[r] < outputWidth { seed[r * outputWidth + outputs[r]] = 1 }
        return backward(x, states: hs, dz: seed, rows: rows, wantInput: true).input ?? []
    }

    mutating func update(_ adam: inout AdamOptimizer, gradients: [[Float]]) {
        adam.update(&parameters, gradients: gradients)
    }
}
