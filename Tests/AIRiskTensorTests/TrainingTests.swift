import Testing

@testable import AIRiskTensor

@Suite("Training")
struct TrainingTests {
    /// XOR, replicated with small jitter so mini-batches have something to shuffle.
    func xor(copies: Int = 16) -> (Tensor, [Int]) {
        var g = SeededGenerator(seed: 5)
        var x: [Float] = []
        var y: [Int] = []
        for _ in 0..<copies {
            for (a, b) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                x += [Float(a) + (g.nextUniform() - 0.5) * 0.1, Float(b) + (g.nextUniform() - 0.5) * 0.1]
                y.append(a ^ b)
            }
        }
        return (Tensor(shape: [y.count, 2], scalars: x), y)
    }

    /// Two Gaussian blobs per class in 4-D, three classes, linearly separable.
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

    @Test("An MLP learns XOR with Adam")
    func xorAdam() throws {
        let (x, y) = xor()
        let model = ModelBuilder.mlp(
            inputSize: 2, hiddenSizes: [16], head: .classifier(classes: 2), activation: .tanh, seed: 1)
        let result = try Trainer.train(
            model, inputs: x, targets: .labels(y),
            config: TrainingConfig(epochs: 150, batchSize: 16, optimizer: .adam(learningRate: 0.03), seed: 2))
        #expect(try Trainer.accuracy(result.model, inputs: x, labels: y) == 1)
        let first = try #require(result.lossHistory.first)
        let last = try #require(result.lossHistory.last)
        #expect(last < first * 0.2)
    }

    @Test("Logistic regression with SGD and momentum separates three blobs")
    func logisticSGD() throws {
        let (x, y) = blobs(rows: 300, seed: 3)
        let model = ModelBuilder.logisticRegression(inputSize: 4, classes: 3, seed: 4)
        let result = try Trainer.train(
            model, inputs: x, targets: .labels(y),
            config: TrainingConfig(
                epochs: 20, batchSize: 32, optimizer: .sgd(learningRate: 0.1, momentum: 0.9, weightDecay: 1e-4), seed: 5
            ))
        let (testX, testY) = blobs(rows: 150, seed: 6)
        #expect(try Trainer.accuracy(result.model, inputs: testX, labels: testY) > 0.95)
        // The probabilities output is a softmax of the logits.
        let p = try result.model.predict(testX, output: "probabilities")
        let rowSum = try #require(p.floats)[0..<3].reduce(0, +)
        #expect(abs(rowSum - 1) < 1e-5)
    }

    @Test("An MLP regressor fits a linear function with mean squared error")
    func regression() throws {
        var g = SeededGenerator(seed: 8)
        let xs = (0..<128).map { _ in g.nextUniform() * 2 - 1 }
        let x = Tensor(shape: [64, 2], scalars: xs)
        let t = Tensor(shape: [64, 1], scalars: (0..<64).map { 2 * xs[2 * $0] - xs[2 * $0 + 1] + 0.5 })
        let model = ModelBuilder.mlp(inputSize: 2, hiddenSizes: [8], head: .regressor(outputs: 1), seed: 9)
        let result = try Trainer.train(
            model, inputs: x, targets: .values(t),
            config: TrainingConfig(
                epochs: 200, batchSize: 16, loss: .meanSquaredError, optimizer: .adam(learningRate: 0.01)))
        #expect(try #require(result.lossHistory.last) < 0.01)
    }

    @Test("The same seeds give identical weights; a different seed gives different ones")
    func determinism() throws {
        let (x, y) = blobs(rows: 90, seed: 1)
        func run(_ modelSeed: UInt64, _ shuffleSeed: UInt64) throws -> Graph {
            let model = ModelBuilder.mlp(inputSize: 4, hiddenSizes: [8], head: .classifier(classes: 3), seed: modelSeed)
            return try Trainer.train(
                model, inputs: x, targets: .labels(y),
                config: TrainingConfig(epochs: 3, batchSize: 10, seed: shuffleSeed)
            ).model.graph
        }
        let a = try run(1, 2)
        let b = try run(1, 2)
        let c = try run(1, 3)
        #expect(a.initializers == b.initializers)
        #expect(a.initializers != c.initializers)
        #expect(
            ModelBuilder.mlp(inputSize: 4, hiddenSizes: [8], head: .classifier(classes: 3), seed: 7).graph.initializers
                != ModelBuilder.mlp(inputSize: 4, hiddenSizes: [8], head: .classifier(classes: 3), seed: 8).graph
                .initializers)
    }

    @Test("Parallel training equals sequential training, job by job")
    func parallel() async throws {
        let (x, y) = blobs(rows: 60, seed: 2)
        let jobs = (0..<4).map { i in
            TrainingJob(
                model: ModelBuilder.mlp(
                    inputSize: 4, hiddenSizes: [6], head: .classifier(classes: 3), seed: UInt64(i)),
                inputs: x, targets: .labels(y), config: TrainingConfig(epochs: 3, batchSize: 8, seed: UInt64(10 + i)))
        }
        let sequential = try jobs.map {
            try Trainer.train($0.model, inputs: $0.inputs, targets: $0.targets, config: $0.config)
        }
        let threaded: [TrainingResult] = try { try Trainer.trainInParallel(jobs) }()
        let tasks: [TrainingResult] = try await Trainer.trainInParallel(jobs)
        for i in jobs.indices {
            #expect(threaded[i].model.graph.initializers == sequential[i].model.graph.initializers)
            #expect(tasks[i].model.graph.initializers == sequential[i].model.graph.initializers)
            #expect(threaded[i].lossHistory == sequential[i].lossHistory)
        }
    }

    @Test("Softmax cross-entropy with temperature matches finite differences, for labels and soft targets")
    func lossGradient() throws {
        let z = Tensor(shape: [2, 3], scalars: [0.5, -1, 2, 0, 0.3, -0.7])
        let soft = Tensor(shape: [2, 3], scalars: [0.2, 0.5, 0.3, 1, 0, 0])
        for targets in [Targets.labels([2, 0]), .distributions(soft)] {
            let loss = Loss.softmaxCrossEntropy(temperature: 2)
            let (_, g) = try loss.evaluate(output: z, targets: targets)
            let gv = try #require(g.floats)
            var v = try #require(z.floats)
            for i in v.indices {
                let o = v[i]
                v[i] = o + 1e-2
                let plus = try loss.evaluate(output: Tensor(shape: [2, 3], scalars: v), targets: targets).loss
                v[i] = o - 1e-2
                let minus = try loss.evaluate(output: Tensor(shape: [2, 3], scalars: v), targets: targets).loss
                v[i] = o
                #expect(abs((plus - minus) / 2e-2 - gv[i]) < 1e-3)
            }
        }
        #expect(throws: TrainingError.self) { try Loss.meanSquaredError.evaluate(output: z, targets: .labels([0, 1])) }
        #expect(throws: TrainingError.self) {
            try Loss.softmaxCrossEntropy().evaluate(output: z, targets: .labels([3, 0]))
        }
    }

    @Test(
        "A conv net trains when Conv and MaxPool are registered",
        .enabled(
            if: KernelRegistry.kernel(domain: "", opType: "Conv") != nil
                && KernelRegistry.kernel(domain: "", opType: "MaxPool") != nil))
    func convNet() throws {
        // Vertical versus horizontal bars in 6×6 images.
        var g = SeededGenerator(seed: 4)
        var x: [Float] = []
        var y: [Int] = []
        for i in 0..<64 {
            let vertical = i % 2 == 0
            let line = Int(g.next() % 6)
            for r in 0..<6 {
                for c in 0..<6 { x.append(((vertical ? c : r) == line ? 1 : 0) + (g.nextUniform() - 0.5) * 0.2) }
            }
            y.append(vertical ? 1 : 0)
        }
        let input = Tensor(shape: [64, 1, 6, 6], scalars: x)
        let model = ModelBuilder.convNet(channels: 1, height: 6, width: 6, filters: 4, classes: 2, seed: 3)
        let result = try Trainer.train(
            model, inputs: input, targets: .labels(y),
            config: TrainingConfig(epochs: 30, batchSize: 16, optimizer: .adam(learningRate: 0.01)))
        #expect(try Trainer.accuracy(result.model, inputs: input, labels: y) > 0.9)
    }

    @Test(
        "Recurrent models train when their cell kernel is registered",
        arguments: ModelBuilder.Cell.allCases.filter { KernelRegistry.kernel(domain: "", opType: $0.opType) != nil })
    func recurrent(cell: ModelBuilder.Cell) throws {
        // Classify whether a sequence's values are rising or falling.
        var g = SeededGenerator(seed: 6)
        var x: [Float] = []
        var y: [Int] = []
        for i in 0..<64 {
            let rising = i % 2 == 0
            let start = g.nextUniform()
            for t in 0..<5 { x.append(start + (rising ? 0.2 : -0.2) * Float(t)) }
            y.append(rising ? 1 : 0)
        }
        let input = Tensor(shape: [64, 5, 1], scalars: x)
        let model = ModelBuilder.recurrent(
            cell: cell, inputSize: 1, hiddenSize: 8, head: .classifier(classes: 2), seed: 2)
        let result = try Trainer.train(
            model, inputs: input, targets: .labels(y),
            config: TrainingConfig(epochs: 40, batchSize: 16, optimizer: .adam(learningRate: 0.02)))
        #expect(try Trainer.accuracy(result.model, inputs: input, labels: y) > 0.9)
    }
}
