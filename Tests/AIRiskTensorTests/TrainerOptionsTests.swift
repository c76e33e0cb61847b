import Testing

@testable import AIRiskTensor

/// The trainer's options beyond plain epochs: streamed batches with a minimum step count and a
/// cosine schedule, caller-computed objectives, dropout masks, DP-SGD's per-example clipping and
/// noise, and the one input standardiser.
@Suite("Trainer options")
struct TrainerOptionsTests {
    /// Three linearly separable blobs in 4-D.
    func blobs(rows: Int, seed: UInt64) -> (Tensor, [Int]) {
        var g = SeededGenerator(seed: seed)
        var x: [Float] = []
        var y: [Int] = []
        for i in 0..<rows {
            let c = i % 3
            for d in 0..<4 { x.append((d == c ? 3 : 0) + g.nextGaussian() * 0.5) }
            y.append(c)
        }
        return (Tensor(shape: [rows, 4], scalars: x), y)
    }

    /// Mean softmax cross-entropy against labels, computed by the caller.
    struct LabelObjective: TrainingObjective {
        var labels: [Int]
        func evaluate(output: Tensor, rows: [Int]) throws -> (loss: Float, gradient: Tensor) {
            try Loss.softmaxCrossEntropy().evaluate(output: output, targets: .labels(rows.map { labels[$0] }))
        }
    }

    @Test("streamed batches run at least the minimum steps, deterministically, and learn")
    func streamed() throws {
        let (x, y) = blobs(rows: 30, seed: 1)
        let model = ModelBuilder.mlp(inputSize: 4, hiddenSizes: [8], head: .classifier(classes: 3), seed: 2)
        let config = TrainingConfig(
            epochs: 1, batchSize: 16, optimizer: .adam(learningRate: 0.02), minimumSteps: 40,
            schedule: .cosine(floor: 0.05))
        func run() throws -> TrainingResult {
            var g = SeededGenerator(seed: 3)
            return try Trainer.train(
                model, inputs: x, objective: LabelObjective(labels: y), config: config, generator: &g)
        }
        let a = try run()
        let b = try run()
        #expect(a.model.graph.initializers == b.model.graph.initializers)
        // 40 steps of 2 per pass: 20 recorded passes.
        #expect(a.lossHistory.count == 20)
        let first = try #require(a.lossHistory.first)
        let last = try #require(a.lossHistory.last)
        #expect(last < first)
        #expect(try Trainer.accuracy(a.model, inputs: x, labels: y) > 0.95)
    }

    @Test("the cosine schedule starts at the full rate and ends at the floor")
    func cosine() {
        let s = LearningRateSchedule.cosine(floor: 0.05)
        #expect(s.factor(step: 0, of: 10) == 1)
        #expect(abs(s.factor(step: 9, of: 10) - 0.05) < 1e-6)
        #expect(LearningRateSchedule.constant.factor(step: 3, of: 10) == 1)
    }

    @Test("dropout masks change training but leave inference whole, and are seeded")
    func dropout() throws {
        let (x, y) = blobs(rows: 60, seed: 4)
        let plain = ModelBuilder.mlp(inputSize: 4, hiddenSizes: [16], head: .classifier(classes: 3), seed: 5)
        let dropped = ModelBuilder.mlp(
            inputSize: 4, hiddenSizes: [16], head: .classifier(classes: 3), dropout: 0.5, seed: 5)
        #expect(dropped.dropout.map(\.name) == ["dropout0.mask"])
        // Before training, the masks are ones: both models answer alike.
        #expect(try plain.predict(x).floats == dropped.predict(x).floats)
        let config = TrainingConfig(epochs: 20, batchSize: 16, optimizer: .adam(learningRate: 0.02), seed: 6)
        let a = try Trainer.train(plain, inputs: x, targets: .labels(y), config: config)
        let b = try Trainer.train(dropped, inputs: x, targets: .labels(y), config: config)
        let c = try Trainer.train(dropped, inputs: x, targets: .labels(y), config: config)
        #expect(a.model.graph.initializers["fc0.weight"] != b.model.graph.initializers["fc0.weight"])
        #expect(b.model.graph.initializers == c.model.graph.initializers)
        #expect(try Trainer.accuracy(b.model, inputs: x, labels: y) > 0.9)
    }

    @Test("DP-SGD without noise and with a loose clip equals plain training; clipping and noise change it")
    func privacy() throws {
        let (x, y) = blobs(rows: 40, seed: 7)
        let model = ModelBuilder.mlp(inputSize: 4, hiddenSizes: [6], head: .classifier(classes: 3), seed: 8)
        func train(_ privacy: GradientPrivacy?) throws -> [Float] {
            let config = TrainingConfig(
                epochs: 3, batchSize: 10, optimizer: .sgd(learningRate: 0.1), seed: 9, privacy: privacy)
            let r = try Trainer.train(model, inputs: x, targets: .labels(y), config: config)
            return try #require(r.model.graph.initializers["fc0.weight"]?.floats)
        }
        let plain = try train(nil)
        let loose = try train(GradientPrivacy(clipNorm: 1e6, noiseMultiplier: 0))
        for (p, q) in zip(plain, loose) { #expect(abs(p - q) <= 1e-4 * max(1, abs(p))) }
        let clipped = try train(GradientPrivacy(clipNorm: 1e-3, noiseMultiplier: 0))
        let noisy = try train(GradientPrivacy(clipNorm: 1, noiseMultiplier: 2))
        let initial = try #require(model.graph.initializers["fc0.weight"]?.floats)
        // Clipped to 1e-3 per row, 12 SGD steps of rate 0.1 move no weight by more than 1.2e-3.
        for (p, q) in zip(clipped, initial) { #expect(abs(p - q) <= 1.3e-3) }
        #expect(noisy != plain)
        #expect(try train(GradientPrivacy(clipNorm: 1, noiseMultiplier: 2)) == noisy)
    }

    @Test("the standardiser centres and scales each feature in double precision; constant features keep scale 1")
    func standardizer() {
        let x: [Float] = [1, 5, 3, 5, 5, 5]
        let s = FeatureStandardizer(x, rows: 3, width: 2)
        #expect(s.mean == [3, 5])
        #expect(s.standardDeviation[1] == 1)
        let z = s.apply(x, rows: 3)
        #expect(z[1] == 0 && z[3] == 0 && z[5] == 0)
        #expect(abs(z[0] + z[4]) < 1e-6 && z[2] == 0)
        #expect(abs(z[0] * z[0] + z[4] * z[4] - 3) < 1e-5)
    }

    @Test("missing values stay out of the standardiser's moments and are standardised to the mean (0)")
    func standardizerMissingValues() {
        let x: [Float] = [1, .nan, 3, 4, .nan, 8, .infinity, 6]
        let s = FeatureStandardizer(x, rows: 4, width: 2)
        #expect(s.mean == [2, 6])
        #expect(s.standardDeviation.allSatisfy { $0.isFinite && $0 > 0 })
        let z = s.apply(x, rows: 4)
        #expect(z.allSatisfy { $0.isFinite })
        #expect(z[1] == 0 && z[4] == 0 && z[6] == 0)
    }
}
