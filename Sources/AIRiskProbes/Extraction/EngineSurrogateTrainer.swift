import AIRiskTensor
import Foundation

/// Trains softmax-regression / MLP / Elman-RNN surrogates on the tensor engine's trainer: Adam on
/// mini-batches drawn as a stream (at least ``minimumSteps`` steps, so small budgets still
/// converge), cosine-decayed rate, and the ``DistillationLoss`` as the training objective.
/// Deterministic for a given seed: the initial weights and the batch order come from one seeded
/// generator.
package struct EngineSurrogateTrainer: SurrogateTrainer {
    /// Passes over the answers.
    package var epochs: Int = 40
    /// At least this many Adam steps, so small budgets still converge.
    package var minimumSteps: Int = 500
    package var batchSize: Int = 64
    package var learningRate: Float = 1e-2

    package func train(_ data: DistillationSet, kind: SurrogateKind, loss: DistillationLoss, seed: UInt64) throws
        -> any Surrogate
    {
        guard data.rows > 0 else {
            throw ExtractionError.unusableData(
                data: "the target's answers", reason: "a surrogate cannot learn from zero rows")
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
            let outputs = FeatureStandardizer(data.targetScores, rows: data.rows, width: w)
            outMean = outputs.mean
            outScale = outputs.standardDeviation
            scaledTargets = outputs.apply(data.targetScores, rows: data.rows)
            for i in scaledTruth.indices where scaledTruth[i].isFinite {
                scaledTruth[i] = (scaledTruth[i] - outMean[0]) / outScale[0]
            }
        }
        let objective = LossGradient(
            loss: loss, data: data, scaledTargets: scaledTargets, scaledTruth: scaledTruth, outputScale: outScale)
        // A dense copy reads categorical columns one-hot; a recurrent one reads the steps as they are.
        let encoding = SurrogateInputEncoding(domains: kind.isRecurrent ? nil : data.domains, width: d)
        let encoded = encoding.encode(data.inputs, rows: data.rows)
        let de = encoding.encodedWidth
        let standardizer = FeatureStandardizer(encoded, rows: data.rows, width: de)
        let x = standardizer.apply(encoded, rows: data.rows)

        let model: TrainableModel
        let inputShape: [Int]
        switch kind {
        case .logistic, .mlp:
            model = Self.dense(sizes: [de] + kind.hiddenSizes + [w], generator: &generator)
            inputShape = [de]
        case .rnn(let hidden):
            let steps = data.sequenceSteps ?? 0
            guard steps > 0, d % steps == 0 else {
                throw ExtractionError.badSetting(
                    setting: "surrogate", value: "rnn (\(d) features, \(steps) steps)",
                    requirement:
                        "the rnn surrogate reads the first input axis as time steps; the input has no such axis")
            }
            model = Self.recurrent(
                steps: steps, stepWidth: d / steps, hidden: hidden, outputs: w, generator: &generator)
            inputShape = [steps, d / steps]
        }
        let config = TrainingConfig(
            epochs: epochs, batchSize: batchSize, optimizer: .adam(learningRate: learningRate),
            minimumSteps: max(minimumSteps, 1), schedule: .cosine(floor: 0.05))
        let trained = try Trainer.train(
            model, inputs: Tensor(shape: [data.rows] + inputShape, scalars: x), objective: objective, config: config,
            generator: &generator)
        return try EngineSurrogate(
            model: trained.model, encoding: encoding, standardizer: standardizer, inputShape: inputShape,
            outputWidth: w,
            isRegression: data.isRegression, outputMean: outMean, outputScale: outScale)
    }

    /// An MLP with ReLU hidden layers and a linear last layer: He-normal weights (halved on the last
    /// layer, so the first answers start near uniform), zero biases.
    static func dense(sizes: [Int], generator: inout SeededGenerator) -> TrainableModel {
        var model = ModelBuilder.mlp(
            inputSize: sizes[0], hiddenSizes: Array(sizes.dropFirst().dropLast()),
            head: .regressor(outputs: sizes[sizes.count - 1]), seed: 0)
        for l in 0..<(sizes.count - 1) {
            let (fanIn, fanOut) = (sizes[l], sizes[l + 1])
            let std = (2 / Float(fanIn)).squareRoot() * (l == sizes.count - 2 ? 0.5 : 1)
            let w = (0..<(fanIn * fanOut)).map { _ in generator.nextGaussian() * std }
            // Drawn as W[in, out]; the Gemm stores W[out, in].
            model.graph.initializers["fc\(l).weight"] = Tensor(
                shape: [fanOut, fanIn], scalars: transposed(w, rows: fanIn, columns: fanOut))
        }
        return model
    }

    /// An Elman RNN, h_t = tanh(x_t·Wx + h_{t−1}·Wh + b), read out from h_T by a linear layer:
    /// Gaussian weights (Wx with std 1/√stepWidth, Wh and the readout with 0.5/√hidden), zero biases.
    static func recurrent(
        steps: Int, stepWidth: Int, hidden: Int, outputs: Int, generator: inout SeededGenerator
    ) -> TrainableModel {
        var model = ModelBuilder.recurrent(
            cell: .rnn, inputSize: stepWidth, hiddenSize: hidden, head: .regressor(outputs: outputs), seed: 0)
        func gaussian(_ n: Int, _ std: Float) -> [Float] { (0..<n).map { _ in generator.nextGaussian() * std } }
        let wx = gaussian(stepWidth * hidden, 1 / Float(stepWidth).squareRoot())
        let wh = gaussian(hidden * hidden, 0.5 / Float(hidden).squareRoot())
        let wo = gaussian(hidden * outputs, 0.5 / Float(hidden).squareRoot())
        model.graph.initializers["rnn.W"] = Tensor(
            shape: [1, hidden, stepWidth], scalars: transposed(wx, rows: stepWidth, columns: hidden))
        model.graph.initializers["rnn.R"] = Tensor(
            shape: [1, hidden, hidden], scalars: transposed(wh, rows: hidden, columns: hidden))
        model.graph.initializers["rnn.B"] = Tensor(
            shape: [1, 2 * hidden], scalars: [Float](repeating: 0, count: 2 * hidden))
        model.graph.initializers["fc0.weight"] = Tensor(
            shape: [outputs, hidden], scalars: transposed(wo, rows: hidden, columns: outputs))
        return model
    }

    static func transposed(_ m: [Float], rows: Int, columns: Int) -> [Float] {
        var t = [Float](repeating: 0, count: m.count)
        for r in 0..<rows {
            for c in 0..<columns { t[c * rows + r] = m[r * columns + c] }
        }
        return t
    }
}
