import AIRiskTensor
import Testing

@testable import AIRiskProbes

@Suite("Extraction: surrogate networks")
struct ExtractionSurrogateTrainingTests {
    /// Loss L = Σ seed · outputs: the largest relative gap between analytic parameter gradients and central
    /// differences, over a sample of every parameter array.
    func gradientError<N: TrainableNetwork>(_ network: N, x: [Float], rows: Int, seed: [Float]) -> Float {
        let analytic = network.gradients(standardized: x, rows: rows, outputGradient: { _ in seed })
        func loss(_ n: N) -> Double {
            zip(n.outputs(standardized: x, rows: rows), seed).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        let eps: Float = 1e-3
        var worst: Float = 0
        for k in analytic.indices {
            for i in stride(from: 0, to: analytic[k].count, by: max(1, analytic[k].count / 7)) {
                var plus = network
                var minus = network
                perturb(&plus, k: k, i: i, by: eps)
                perturb(&minus, k: k, i: i, by: -eps)
                let numeric = Float((loss(plus) - loss(minus)) / Double(2 * eps))
                worst = max(worst, abs(numeric - analytic[k][i]) / max(1, abs(numeric)))
            }
        }
        return worst
    }

    private func perturb<N: TrainableNetwork>(_ n: inout N, k: Int, i: Int, by eps: Float) {
        if var dense = n as? DenseNetwork {
            let l = dense.layerCount
            if k < l { dense.weights[k][i] += eps } else { dense.biases[k - l][i] += eps }
            if let back = dense as? N { n = back }
        } else if var rnn = n as? RecurrentNetwork {
            rnn.parameters[k][i] += eps
            if let back = rnn as? N { n = back }
        }
    }

    @Test("MLP and RNN parameter gradients match finite differences")
    func gradients() {
        var g = SeededGenerator(seed: 3)
        let rows = 5
        let x = (0..<(rows * 6)).map { _ in g.nextGaussian() }
        let seed = (0..<(rows * 3)).map { _ in g.nextGaussian() }
        let mlp = DenseNetwork(sizes: [6, 8, 7, 3], inputs: x, rows: rows, generator: &g)
        #expect(gradientError(mlp, x: x, rows: rows, seed: seed) < 2e-2)
        let rnn = RecurrentNetwork(steps: 3, stepWidth: 2, hidden: 5, outputs: 3, inputs: x, rows: rows, generator: &g)
        #expect(gradientError(rnn, x: x, rows: rows, seed: seed) < 2e-2)
    }

    @Test("RNN input gradient matches finite differences")
    func rnnInputGradient() {
        var g = SeededGenerator(seed: 4)
        let rows = 2
        let x = (0..<(rows * 8)).map { _ in g.nextGaussian() }
        let rnn = RecurrentNetwork(steps: 4, stepWidth: 2, hidden: 6, outputs: 3, inputs: x, rows: rows, generator: &g)
        let analytic = rnn.inputGradient(standardized: x, rows: rows, outputs: [1, 2])
        for i in 0..<x.count {
            var plus = x
            var minus = x
            plus[i] += 1e-2
            minus[i] -= 1e-2
            let r = i / 8
            let c = r == 0 ? 1 : 2
            let numeric =
                (rnn.outputs(standardized: plus, rows: rows)[r * 3 + c]
                    - rnn.outputs(standardized: minus, rows: rows)[r * 3 + c]) / 2e-2
            #expect(abs(numeric - analytic[i]) < 2e-2 * max(1, abs(numeric)))
        }
    }
}
