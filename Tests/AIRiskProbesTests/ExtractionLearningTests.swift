import AIRiskAccess
import AIRiskTensor
import Testing

@testable import AIRiskProbes

/// Hides a classifier's scores: only labels come back.
struct LabelsOnlyTarget: ModelAccess {
    let base: any ModelAccess

    var description: ModelDescription {
        var d = base.description
        d.outputKind = .labels
        d.name = "labels-only"
        return d
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let out = try await base.predict(batch)
        return ModelOutput(kind: .labels, rows: out.rows, scores: [], width: 0, labels: out.labels)
    }
}

@Suite("Extraction: learning-based copies")
struct ExtractionLearningTests {
    let mlp = RandomMLPTarget(features: 10, hidden: 16, classes: 3, seed: 11)

    func data() async throws -> (public: LabeledData, evaluation: LabeledData) {
        let pub = try await ExtractionTestData.labelled(by: mlp, rows: 1000, seed: 12, flip: 0.05)
        let eval = try await ExtractionTestData.labelled(by: mlp, rows: 500, seed: 13, flip: 0.05)
        return (pub, eval)
    }

    @Test("a copy of a random MLP reaches 90 % fidelity within the default budget, without exceeding it")
    func mlpFidelity() async throws {
        let (pub, eval) = try await data()
        let config = ExtractionConfiguration(
            sources: [.gaussian(scale: 0.5)], classificationLosses: [.soft(temperature: 4)], equationSolving: false,
            seed: 1)
        #expect(config.budgets == [50, 100, 200, 500, 1000, 2000, 5000])
        let counter = CountingModel(mlp)
        let result = try await ExtractionProbe(configuration: config).run(
            model: counter, publicData: pub, evaluationData: eval)
        let curve = try #require(result.curves.first)
        #expect(curve.points.map(\.budget) == config.budgets)
        #expect(curve.points.map(\.queries) == config.budgets)
        #expect(curve.bestFidelity >= 0.9)
        let needed = try #require(result.queriesToReach(0.9))
        #expect(needed <= 5000)
        // Answers are reused across budgets: the whole curve costs the largest budget.
        #expect(result.queriesUsed == 5000)
        #expect(result.queriesUsed <= result.queryBudget)
        #expect(counter.count.rows == result.queriesUsed + result.evaluationQueries)
        #expect(result.access == .scores)
    }

    @Test("fidelity does not fall as the budget grows (mean over three seeds)")
    func monotone() async throws {
        let (pub, eval) = try await data()
        let budgets = [50, 200, 1000]
        var mean = [Double](repeating: 0, count: budgets.count)
        for seed in UInt64(1)...3 {
            let config = ExtractionConfiguration(
                budgets: budgets, sources: [.gaussian(scale: 0.5)], classificationLosses: [.soft(temperature: 4)],
                equationSolving: false, seed: seed)
            let result = try await ExtractionProbe(configuration: config).run(
                model: mlp, publicData: pub, evaluationData: eval)
            let points = try #require(result.curves.first?.points)
            for (i, p) in points.enumerated() { mean[i] += p.fidelity / 3 }
        }
        for i in 1..<mean.count { #expect(mean[i] >= mean[i - 1] - 0.02, "mean fidelity \(mean)") }
        #expect(mean[mean.count - 1] > mean[0])
    }

    @Test("a regression copy reaches an R² within 0.1 of the target's, with L2 and both margin losses")
    func regression() async throws {
        let target = LinearRegressorTarget(features: 8, seed: 21)
        let pub = ExtractionTestData.regression(by: target, rows: 600, noise: 8, seed: 22)
        let eval = ExtractionTestData.regression(by: target, rows: 400, noise: 8, seed: 23)
        let config = ExtractionConfiguration(
            budgets: [50, 200, 500], sources: [.publicData, .gaussian(scale: 0.5)],
            surrogates: [.logistic, .mlp(hidden: [32])], equationSolving: false, seed: 2)
        let result = try await ExtractionProbe(configuration: config).run(
            model: target, publicData: pub, evaluationData: eval)
        #expect(result.curves.count == 2 * 2 * 3)
        for curve in result.curves {
            let last = try #require(curve.points.last?.regression)
            let s = try #require(last.surrogateR2)
            let t = try #require(last.targetR2)
            #expect(t > 0.5)
            #expect(abs(s - t) <= 0.1, "\(curve.source) \(curve.surrogate) \(curve.loss): R² \(s) vs target \(t)")
        }
        let linearL2 = try #require(
            result.curves.first { $0.source == .gaussian(scale: 0.5) && $0.surrogate == .logistic && $0.loss == .l2 })
        #expect(try #require(linearL2.points.last).fidelity > 0.999, "\(linearL2.points)")
    }

    @Test("the query budget is never exceeded; sources stop when it runs out")
    func budget() async throws {
        let (pub, eval) = try await data()
        let config = ExtractionConfiguration(
            budgets: [100, 200, 500], sources: [.uniform, .gaussian(scale: 0.5)], classificationLosses: [.hard],
            equationSolving: true, seed: 3, totalQueryBudget: 300)
        let counter = CountingModel(mlp, budget: 300 + eval.count)
        let result = try await ExtractionProbe(configuration: config).run(
            model: counter, publicData: pub, evaluationData: eval)
        #expect(result.queryBudget == 300)
        #expect(result.queriesUsed <= 300)
        #expect(counter.count.rows == result.queriesUsed + eval.count)
        #expect(result.equationSolving?.recoveryQueries == 11)
        #expect(result.notes.contains { $0.contains("stopped before budget") })
        // 31 rows for equation solving, then uniform gets 100 + 100, and gaussian the 69 left are too few for 100.
        #expect(result.curves[0].points.map(\.budget) == [100, 200])
        #expect(result.curves[1].points.isEmpty)
    }

    @Test("the same seed gives the same result; another seed a different one")
    func determinism() async throws {
        let (pub, eval) = try await data()
        func run(_ seed: UInt64) async throws -> ExtractionResult {
            let config = ExtractionConfiguration(
                budgets: [50, 150],
                sources: [.publicData, .uniform, .jacobian(step: 0.1), .uncertainty(poolFactor: 4)],
                classificationLosses: [.hard, .combined(mu: 0.5, temperature: 4)], seed: seed)
            var r = try await ExtractionProbe(configuration: config).run(
                model: mlp, publicData: pub, evaluationData: eval)
            r.wallTimeSeconds = 0
            return r
        }
        let a = try await run(5)
        let b = try await run(5)
        let c = try await run(6)
        #expect(a == b)
        #expect(a.curves != c.curves)
    }

    @Test("adaptive sources (Jacobian augmentation, uncertainty sampling) produce useful copies")
    func adaptive() async throws {
        let (pub, eval) = try await data()
        let config = ExtractionConfiguration(
            budgets: [100, 400], sources: [.jacobian(step: 0.1), .uncertainty(poolFactor: 4)],
            classificationLosses: [.soft(temperature: 4)], equationSolving: false, seed: 4)
        let result = try await ExtractionProbe(configuration: config).run(
            model: mlp, publicData: pub, evaluationData: eval)
        #expect(result.curves.count == 2)
        for curve in result.curves {
            #expect(curve.points.map(\.queries) == [100, 400])
            #expect(curve.bestFidelity >= 0.75, "\(curve.source): \(curve.points.map(\.fidelity))")
        }
    }

    @Test("a labels-only target skips soft losses and equation solving, and still gets copied")
    func labelsOnly() async throws {
        let (pub, eval) = try await data()
        let config = ExtractionConfiguration(
            budgets: [200, 1000], sources: [.publicData], seed: 5)
        let result = try await ExtractionProbe(configuration: config).run(
            model: LabelsOnlyTarget(base: mlp), publicData: pub, evaluationData: eval)
        #expect(result.access == .labelsOnly)
        #expect(result.equationSolving == nil)
        #expect(result.curves.map(\.loss) == [.hard])
        #expect(result.notes.contains { $0.contains("labels-only target") })
        #expect(try #require(result.curves.first).bestFidelity >= 0.8)
    }

    @Test("bad inputs are reported, not trapped")
    func errors() async throws {
        let (pub, _) = try await data()
        let wrong = try LabeledData(
            features: Tensor(shape: [4, 3], scalars: [Float](repeating: 0, count: 12)), labels: [0, 0, 0, 0])
        await #expect(throws: ExtractionError.self) {
            try await ExtractionProbe().run(model: mlp, publicData: pub, evaluationData: wrong)
        }
        let bad = [
            ExtractionConfiguration(budgets: [0]),
            ExtractionConfiguration(classificationLosses: [.soft(temperature: 0)]),
            ExtractionConfiguration(classificationLosses: [.combined(mu: 2, temperature: 4)]),
            ExtractionConfiguration(surrogates: [.mlp(hidden: [0])]),
        ]
        for config in bad {
            await #expect(throws: ExtractionError.self) {
                try await ExtractionProbe(configuration: config).run(model: mlp, publicData: nil, evaluationData: pub)
            }
        }
    }
}
