import Foundation
import Testing

@testable import AIRiskTensor

@Suite("Recurrent activations")
struct RecurrentActivationTests {
    @Test("the fast tanh and sigmoid stay within 1e-6 of libm over [-20, 20]")
    func fastApproximations() {
        var worstTanh: Float = 0, worstSigmoid: Float = 0
        for k in -20_000...20_000 {
            let x = Float(k) * 1e-3
            worstTanh = max(worstTanh, abs(RecurrentActivation.tanh.apply(x) - Foundation.tanh(x)))
            worstSigmoid = max(worstSigmoid, abs(RecurrentActivation.sigmoid.apply(x) - 1 / (1 + exp(-x))))
        }
        #expect(worstTanh < 1e-6)
        #expect(worstSigmoid < 1e-6)
    }

    @Test("the vectorised tanh and sigmoid (C, picked per CPU at load) match libm and honour clip")
    func vectorisedApproximations() {
        // 40,001 points, odd count: every vector width leaves a remainder.
        let xs = (-20_000...20_000).map { Float($0) * 1e-3 }
        for (activation, exact) in [
            (RecurrentActivation.tanh, { (x: Float) in Foundation.tanh(x) }),
            (RecurrentActivation.sigmoid, { (x: Float) in 1 / (1 + exp(-x)) }),
        ] {
            for clip in [Float.infinity, 3] {
                var out = [Float](repeating: .nan, count: xs.count)
                xs.withUnsafeBufferPointer { src in
                    out.withUnsafeMutableBufferPointer { dst in
                        activation.apply(src.baseAddress!, dst.baseAddress!, count: xs.count, clip: clip)
                    }
                }
                let worst = zip(xs, out).map { abs($1 - exact(min(max($0, -clip), clip))) }.max() ?? .nan
                #expect(worst < 1e-6, "\(activation) clip \(clip): worst error \(worst)")
            }
        }
    }

    @Test("derivatives match central differences for every activation")
    func derivatives() throws {
        let all = try #require(
            RecurrentActivation.parse(
                [
                    "Relu", "Tanh", "Sigmoid", "LeakyRelu", "ThresholdedRelu", "HardSigmoid", "Affine", "ScaledTanh",
                    "Elu",
                    "Softsign", "Softplus",
                ], alphas: [0.1, 0.5, 0.3, 2, 1.5, 0.7], betas: [0.4, 0.2, 0.8]))
        #expect(all.count == 11)
        #expect(all[3] == .leakyRelu(alpha: 0.1))
        #expect(all[5] == .hardSigmoid(alpha: 0.3, beta: 0.4))
        for f in all {
            for x: Float in [-1.7, -0.45, 0.35, 1.3, 2.6] {
                let h: Float = 1e-3
                let numeric = (f.apply(x + h) - f.apply(x - h)) / (2 * h)
                #expect(abs(f.derivative(x) - numeric) < 5e-3, "\(f) at \(x)")
                #expect(abs(f.derivative(x: x, y: f.apply(x)) - f.derivative(x)) < 1e-5, "\(f) at \(x)")
            }
        }
        #expect(RecurrentActivation.parse(["Gelu"], alphas: [], betas: []) == nil)
    }
}
