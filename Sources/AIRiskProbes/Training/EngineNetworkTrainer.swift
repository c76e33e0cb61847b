import AIRiskAccess
import AIRiskTensor

/// Trains the probes' in-process models — shadow and reference models for membership inference,
/// the independent evaluation classifier for inversion — on the tensor engine that also runs
/// the supplied ONNX models: an MLP (or, without hidden layers, multinomial logistic regression)
/// on standardised inputs, softmax cross-entropy, Adam, seeded initialisation and batch order.
public struct EngineNetworkTrainer: MembershipModelTrainer {
    public var hiddenSizes: [Int]
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Float
    /// L2 weight decay; 0 for none.
    public var l2: Float

    public init(
        hiddenSizes: [Int] = [64], epochs: Int = 60, batchSize: Int = 64, learningRate: Float = 1e-3, l2: Float = 0
    ) {
        self.hiddenSizes = hiddenSizes
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.l2 = l2
    }

    public var summary: String {
        let shape = hiddenSizes.isEmpty ? "multinomial logistic regression" : "MLP with hidden layers \(hiddenSizes)"
        return "\(shape), softmax cross-entropy, Adam lr \(learningRate), batch \(batchSize), \(epochs) epochs, "
            + "L2 \(l2) (airisk tensor engine)"
    }

    public func train(_ data: LabeledData, classCount: Int, seed: UInt64) async throws -> any ModelAccess {
        let n = data.count
        let d = data.rowWidth
        guard n > 0, d > 0, classCount >= 2, data.labels.count == n,
            data.labels.allSatisfy({ $0 >= 0 && $0 < classCount })
        else {
            throw MembershipProbeError.badTrainingData(
                "\(n) rows of \(d) features with \(data.labels.count) labels in 0..<\(classCount) are needed")
        }
        let x = data.scalars
        let moments = FeatureMoments(x, rows: n, width: d)
        let (mean, scale) = (moments.mean, moments.standardDeviation)
        var z = x
        for r in 0..<n { for j in 0..<d { z[r * d + j] = (z[r * d + j] - mean[j]) / scale[j] } }

        var rng = SeededGenerator(seed: seed)
        let model = ModelBuilder.mlp(
            inputSize: d, hiddenSizes: hiddenSizes, head: .classifier(classes: classCount), seed: rng.next())
        let config = TrainingConfig(
            epochs: epochs, batchSize: batchSize, loss: .softmaxCrossEntropy(),
            optimizer: .adam(learningRate: learningRate, weightDecay: l2), seed: rng.next())
        let trained = try Trainer.train(
            model, inputs: Tensor(shape: [n, d], scalars: z), targets: .labels(data.labels), config: config)
        return try EngineNetworkModel(
            model: trained.model, mean: mean, scale: scale, inputShape: data.rowShape, classCount: classCount,
            name: "in-process \(hiddenSizes.isEmpty ? "logistic" : "MLP \(hiddenSizes)")")
    }
}
