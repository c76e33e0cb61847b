import AIRiskAccess
import AIRiskTensor
import Testing

@testable import AIRiskProbes

@Suite("Extraction: surrogate networks on the engine")
struct ExtractionSurrogateTrainingTests {
    /// Loss L = Σ seed · outputs: the largest relative gap between the engine's parameter gradients and central
    /// differences, over a sample of every parameter.
    func gradientError(_ model: TrainableModel, x: Tensor, seed: [Float]) throws -> Float {
        let executor = try Executor(graph: model.graph)
        let rows = x.shape[0]
        let seedTensor = Tensor(shape: [rows, seed.count / rows], scalars: seed)
        let analytic = try executor.gradients(
            inputs: [model.inputName: x], outputName: model.outputName, seed: seedTensor,
            withRespectTo: model.parameterNames)
        func loss(_ name: String, _ i: Int, _ eps: Float) throws -> Double {
            var p = try #require(model.graph.initializers[name]?.floats)
            p[i] += eps
            let shape = try #require(model.graph.initializers[name]).shape
            let out = try executor.run(inputs: [model.inputName: x, name: Tensor(shape: shape, scalars: p)])
            let z = try #require(out[model.outputName]?.floats)
            return zip(z, seed).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        let eps: Float = 1e-3
        var worst: Float = 0
        for name in model.parameterNames {
            let g = try #require(analytic.gradients[name]?.floats)
            for i in stride(from: 0, to: g.count, by: max(1, g.count / 7)) {
                let numeric = Float((try loss(name, i, eps) - loss(name, i, -eps)) / Double(2 * eps))
                worst = max(worst, abs(numeric - g[i]) / max(1, abs(numeric)))
            }
        }
        return worst
    }

    @Test("MLP and RNN surrogate parameter gradients match finite differences")
    func gradients() throws {
        var g = SeededGenerator(seed: 3)
        let rows = 5
        let x = (0..<(rows * 6)).map { _ in g.nextGaussian() }
        let seed = (0..<(rows * 3)).map { _ in g.nextGaussian() }
        let mlp = EngineSurrogateTrainer.dense(sizes: [6, 8, 7, 3], generator: &g)
        #expect(try gradientError(mlp, x: Tensor(shape: [rows, 6], scalars: x), seed: seed) < 2e-2)
        let rnn = EngineSurrogateTrainer.recurrent(steps: 3, stepWidth: 2, hidden: 5, outputs: 3, generator: &g)
        #expect(try gradientError(rnn, x: Tensor(shape: [rows, 3, 2], scalars: x), seed: seed) < 2e-2)
    }

    @Test("RNN surrogate input gradient matches finite differences")
    func rnnInputGradient() throws {
        var g = SeededGenerator(seed: 4)
        let rows = 2
        let x = (0..<(rows * 8)).map { _ in g.nextGaussian() }
        let model = EngineSurrogateTrainer.recurrent(steps: 4, stepWidth: 2, hidden: 6, outputs: 3, generator: &g)
        // A standardiser fitted on many rows, so the differences below stay small in standardised units.
        let sample = (0..<(200 * 8)).map { _ in g.nextGaussian() }
        let surrogate = try EngineSurrogate(
            model: model, encoding: SurrogateInputEncoding(domains: nil, width: 8),
            standardizer: FeatureStandardizer(sample, rows: 200, width: 8), inputShape: [4, 2],
            outputWidth: 3, isRegression: true, outputMean: [0, 0, 0], outputScale: [1, 1, 1])
        let analytic = try surrogate.inputGradient(x, rows: rows, outputs: [1, 2])
        for i in 0..<x.count {
            var plus = x
            var minus = x
            plus[i] += 1e-2
            minus[i] -= 1e-2
            let r = i / 8
            let c = r == 0 ? 1 : 2
            let numeric =
                (try surrogate.predict(plus, rows: rows)[r * 3 + c] - surrogate.predict(minus, rows: rows)[r * 3 + c])
                / 2e-2
            #expect(abs(numeric - analytic[i]) < 2e-2 * max(1, abs(numeric)))
        }
    }

    @Test("the distillation objective's gradient matches finite differences of its loss")
    func objectiveGradient() throws {
        var g = SeededGenerator(seed: 5)
        let rows = 4
        let w = 3
        let logits = (0..<(rows * w)).map { _ in g.nextGaussian() }
        let data = DistillationSet(
            inputs: [Float](repeating: 0, count: rows), rows: rows, featureCount: 1, outputWidth: w,
            isRegression: false, targetScores: logits, scoreKind: .logits, targetLabels: [0, 1, 2, 1],
            trueLabels: [2, -1, 0, -1], trueTargets: [Float](repeating: .nan, count: rows))
        for loss in [DistillationLoss.hard, .soft(temperature: 4), .combined(mu: 0.5, temperature: 2)] {
            let objective = LossGradient(
                loss: loss, data: data, scaledTargets: [], scaledTruth: [], outputScale: [1])
            let z = (0..<(rows * w)).map { _ in g.nextGaussian() }
            let (_, analytic) = objective.evaluate(outputs: z, rows: [0, 1, 2, 3])
            for i in z.indices {
                var plus = z
                var minus = z
                plus[i] += 1e-2
                minus[i] -= 1e-2
                let numeric =
                    (objective.evaluate(outputs: plus, rows: [0, 1, 2, 3]).loss
                        - objective.evaluate(outputs: minus, rows: [0, 1, 2, 3]).loss) / 2e-2
                #expect(abs(numeric - analytic[i]) < 1e-2 * max(1, abs(numeric)), "\(loss)")
            }
        }
    }

    /// A target whose answer depends on a 12-category column through an arbitrary table (no order in the index) and
    /// on the sign of a quantity: a copy that reads the index one-hot agrees with it far more often than one that
    /// reads the index as a number.
    @Test("a dense copy reads a categorical column one-hot, and copies a target that uses it without order")
    func categoricalOneHot() throws {
        var g = SeededGenerator(seed: 9)
        let categories = (0..<12).map { "c\($0)" }
        let table = (0..<12).map { _ in g.nextUniform() < 0.5 ? 0 : 1 }
        func label(_ row: ArraySlice<Float>) -> Int {
            table[Int(row[row.startIndex])] ^ (row[row.startIndex + 1] > 0 ? 1 : 0)
        }
        func rows(_ n: Int) -> [Float] {
            (0..<n).flatMap { _ in [Float(Int(g.nextUniform() * 12) % 12), g.nextGaussian()] }
        }
        let n = 400
        let x = rows(n)
        let labels = (0..<n).map { label(x[(2 * $0)..<(2 * $0 + 2)]) }
        let scores: [Float] = labels.flatMap { $0 == 0 ? [1, 0] : [0, 1] }
        func copy(_ domains: [FeatureDomain]?) throws -> any Surrogate {
            let set = DistillationSet(
                inputs: x, rows: n, featureCount: 2, outputWidth: 2, isRegression: false, targetScores: scores,
                scoreKind: .probabilities, targetLabels: labels, trueLabels: labels,
                trueTargets: [Float](repeating: .nan, count: n), domains: domains)
            return try EngineSurrogateTrainer().train(set, kind: .mlp(hidden: [16]), loss: .hard, seed: 5)
        }
        let test = rows(1000)
        let truth = (0..<1000).map { label(test[(2 * $0)..<(2 * $0 + 2)]) }
        func agreement(_ s: any Surrogate) throws -> Double {
            let p = try s.predict(test, rows: 1000)
            return Double((0..<1000).filter { (p[2 * $0 + 1] > p[2 * $0] ? 1 : 0) == truth[$0] }.count) / 1000
        }
        let oneHot = try agreement(try copy([.categorical(categories), .continuous]))
        let asNumber = try agreement(try copy(nil))
        #expect(oneHot >= 0.95, "one-hot copy agrees on \(oneHot)")
        #expect(oneHot - asNumber >= 0.05, "one-hot \(oneHot) vs index as a number \(asNumber)")
        // The category column has no slope: its input gradient is 0, the quantity's passes through.
        let s = try copy([.categorical(categories), .continuous])
        let grad = try s.inputGradient([3, 0.5], rows: 1, outputs: [1])
        #expect(grad[0] == 0 && grad[1] != 0)
    }

    @Test("the encoding: indicators per category and one for an unknown index; quantities as they are")
    func encoding() {
        let e = SurrogateInputEncoding(domains: [.continuous, .categorical(["a", "b"]), .boolean], width: 3)
        #expect(e.encodedWidth == 5 && !e.isIdentity)
        #expect(e.encode([0.5, 1, 1, -2, 7, 0], rows: 2) == [0.5, 0, 1, 0, 1, -2, 0, 0, 1, 0])
        #expect(e.rawGradient([1, 2, 3, 4, 5], rows: 1) == [1, 0, 5])
        #expect(SurrogateInputEncoding(domains: nil, width: 3).isIdentity)
        #expect(SurrogateInputEncoding(domains: [.continuous], width: 3).isIdentity, "a count that does not match")
    }
}
