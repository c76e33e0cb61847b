import AIRiskTensor
import Foundation

/// Trains softmax-regression / MLP / Elman-RNN surrogates in plain Swift with Adam on mini-batches
/// (cosine-decayed rate).
///
/// A stand-in for the engine's trainer: deterministic for a given seed, contiguous buffers, BLAS products.
public struct DenseSurrogateTrainer: SurrogateTrainer {
    /// Passes over the answers.
    public var epochs: Int
    /// At least this many Adam steps, so small budgets still converge.
    public var minimumSteps: Int
    public var batchSize: Int
    public var learningRate: Float

    public init(epochs: Int = 40, minimumSteps: Int = 500, batchSize: Int = 64, learningRate: Float = 1e-2) {
        self.epochs = epochs
        self.minimumSteps = minimumSteps
        self.batchSize = batchSize
        self.learningRate = learningRate
    }

    public func train(_ data: DistillationSet, kind: SurrogateKind, loss: DistillationLoss, seed: UInt64) throws
        -> any Surrogate
    {
        guard data.rows > 0 else {
            throw ExtractionError.badConfiguration("cannot train a surrogate on zero answers")
        }
        var generator = SeededGenerator(seed: seed)
        let d = data.featureCount
        let w = data.outputWidth

        // Regression outputs are learned in standardized units.
        var outMean = [Float](repeating: 0, count: w)
        var outScale = [Float](repeating: 1, count: w)
        var scaledTargets = data.targetScores
        var scaledTruth = data.trueTargets
        if data.isRegression {
            for j in 0..<w {
                var s: Float = 0
                var s2: Float = 0
                for r in 0..<data.rows {
                    let v = data.targetScores[r * w + j]
                    s += v
                    s2 += v * v
                }
                let n = Float(data.rows)
                outMean[j] = s / n
                let variance = max(0, s2 / n - outMean[j] * outMean[j])
                outScale[j] = variance > 1e-12 ? variance.squareRoot() : 1
            }
            for i in scaledTargets.indices { scaledTargets[i] = (scaledTargets[i] - outMean[i % w]) / outScale[i % w] }
            for i in scaledTruth.indices where scaledTruth[i].isFinite {
                scaledTruth[i] = (scaledTruth[i] - outMean[0]) / outScale[0]
            }
        }
        let lossGradient = LossGradient(
            loss: loss, data: data, scaledTargets: scaledTargets, scaledTruth: scaledTruth, outputScale: outScale)

        switch kind {
        case .logistic, .mlp:
            var network = DenseNetwork(
                sizes: [d] + kind.hiddenSizes + [w], inputs: data.inputs, rows: data.rows, generator: &generator)
            fit(&network, data: data, lossGradient: lossGradient, generator: &generator)
            return NetworkSurrogate(
                network: network, isRegression: data.isRegression, outputMean: outMean, outputScale: outScale)
        case .rnn(let hidden):
            let steps = data.sequenceSteps ?? 0
            guard steps > 0, d % steps == 0 else {
                throw ExtractionError.badConfiguration(
                    "the rnn surrogate reads the first input axis as time steps, but the input has no such axis "
                        + "(\(d) features, \(steps) steps)")
            }
            var network = RecurrentNetwork(
                steps: steps, stepWidth: d / steps, hidden: hidden, outputs: w, inputs: data.inputs, rows: data.rows,
                generator: &generator)
            fit(&network, data: data, lossGradient: lossGradient, generator: &generator)
            return NetworkSurrogate(
                network: network, isRegression: data.isRegression, outputMean: outMean, outputScale: outScale)
        }
    }

    /// Adam on shuffled mini-batches, at least ``minimumSteps`` steps, cosine-decayed rate.
    private func fit<Network: TrainableNetwork>(
        _ network: inout Network, data: DistillationSet, lossGradient: LossGradient,
        generator: inout SeededGenerator
    ) {
        let d = data.featureCount

        var adam = AdamOptimizer(shapes: network.parameterShapes, learningRate: learningRate)
        let batch = max(1, min(batchSize, data.rows))
        let stepsPerEpoch = (data.rows + batch - 1) / batch
        let totalSteps = max(epochs * stepsPerEpoch, minimumSteps)
        var order = Array(0..<data.rows)
        var cursor = data.rows
        let standardized = data.inputs.withUnsafeBufferPointer { network.standardizer.apply($0, rows: data.rows) }
        var xb = [Float](repeating: 0, count: batch * d)
        var idx = [Int](repeating: 0, count: batch)
        for step in 0..<totalSteps {
            // Cosine decay to 5 % of the rate, so the last steps settle instead of oscillating.
            let progress = Float(step) / Float(max(totalSteps - 1, 1))
            adam.learningRate = learningRate * (0.05 + 0.95 * 0.5 * (1 + cosf(Float.pi * progress)))
            let b = min(batch, data.rows)
            for k in 0..<b {
                if cursor >= data.rows {
                    order.shuffle(using: &generator)
                    cursor = 0
                }
                idx[k] = order[cursor]
                cursor += 1
            }
            standardized.withUnsafeBufferPointer { src in
                xb.withUnsafeMutableBufferPointer { dst in
                    for k in 0..<b {
                        let s = idx[k] &* d
                        let t = k &* d
                        for j in 0..<d { dst[t &+ j] = src[s &+ j] }
                    }
                }
            }
            let rows = idx[0..<b]
            let grads = network.gradients(
                standardized: b == batch ? xb : Array(xb[0..<(b * d)]), rows: b,
                outputGradient: { lossGradient.gradient(outputs: $0, rows: rows) })
            adam.beginStep()
            network.update(&adam, gradients: grads)
        }
    }
}
