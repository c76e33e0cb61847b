import AIRiskAccess
import AIRiskTensor
import Testing

@testable import AIRiskProbes

@Suite("Extraction: equation solving")
struct ExtractionEquationSolvingTests {
    /// Only equation solving: no learning-based sources.
    func configuration(reference: AffineParameters?) -> ExtractionConfiguration {
        ExtractionConfiguration(sources: [], referenceParameters: reference, seed: 7)
    }

    @Test("binary logistic target (d = 30) is recovered from exactly d + 1 queries")
    func logistic() async throws {
        let target = AffineSoftmaxTarget(rows: 1, features: 30, classes: 2, scale: 0.4, seed: 1)
        let eval = try await ExtractionTestData.labelled(by: target, rows: 400, seed: 2, flip: 0.05)
        let counter = CountingModel(target)
        let probe = ExtractionProbe(configuration: configuration(reference: target.parameters))
        let result = try await probe.run(model: counter, publicData: nil, evaluationData: eval)
        let e = try #require(result.equationSolving)
        #expect(e.testedForm == .logistic)
        #expect(e.isOfForm)
        #expect(e.recoveryQueries == 31)
        #expect(result.queriesUsed == 31 + e.verificationQueries)
        #expect(counter.count.rows == result.queriesUsed + eval.count)
        #expect(try #require(e.parameterRelativeError) < 1e-3)
        #expect(e.fidelity == 1.0)
        #expect(result.queriesUsed <= result.queryBudget)
    }

    @Test("a StandardScaler + logistic pipeline on raw features of very different scales is recovered")
    func scaledPipeline() async throws {
        let target = ScaledLogisticTarget(features: 30, seed: 12)
        let x = target.rows(400, seed: 13)
        let answers = try await target.predict(Tensor(shape: [400, 30], scalars: x))
        let eval = try LabeledData(features: Tensor(shape: [400, 30], scalars: x), labels: answers.labels)
        let result = try await ExtractionProbe(configuration: configuration(reference: target.parameters))
            .run(model: target, publicData: nil, evaluationData: eval)
        let e = try #require(result.equationSolving)
        #expect(e.isOfForm, "\(e.verdict)")
        #expect(e.recoveryQueries == 31)
        #expect(try #require(e.parameterRelativeError) < 1e-3)
        #expect(e.fidelity == 1.0)
    }

    @Test("64 × 10 softmax target is recovered from 65 queries")
    func softmax() async throws {
        let target = AffineSoftmaxTarget(rows: 10, features: 64, classes: 10, scale: 0.3, seed: 3)
        let eval = try await ExtractionTestData.labelled(by: target, rows: 400, seed: 4)
        let result = try await ExtractionProbe(configuration: configuration(reference: target.parameters))
            .run(model: target, publicData: nil, evaluationData: eval)
        let e = try #require(result.equationSolving)
        #expect(e.testedForm == .softmax)
        #expect(e.isOfForm)
        #expect(e.recoveryQueries == 65)
        #expect(try #require(e.parameterRelativeError) < 1e-3)
        #expect(e.fidelity == 1.0)
        #expect(e.accuracy == 1.0)
    }

    @Test("an MLP is reported as not of the logistic form")
    func nonLogistic() async throws {
        let target = RandomMLPTarget(features: 12, hidden: 16, classes: 3, sharpness: 2, seed: 5)
        let eval = try await ExtractionTestData.labelled(by: target, rows: 200, seed: 6)
        let result = try await ExtractionProbe(configuration: configuration(reference: nil))
            .run(model: target, publicData: nil, evaluationData: eval)
        let e = try #require(result.equationSolving)
        #expect(!e.isOfForm)
        #expect(e.maxVerificationError > 0.01)
        #expect(e.verdict.contains("not"))
    }

    @Test("a linear regressor is recovered exactly")
    func linear() async throws {
        let target = LinearRegressorTarget(features: 8, seed: 9)
        let eval = ExtractionTestData.regression(by: target, rows: 300, noise: 5, seed: 10)
        let reference = AffineParameters(weights: [target.weights.map(Double.init)], biases: [Double(target.bias)])
        let result = try await ExtractionProbe(configuration: configuration(reference: reference))
            .run(model: target, publicData: nil, evaluationData: eval)
        let e = try #require(result.equationSolving)
        #expect(e.testedForm == .linear)
        #expect(e.isOfForm)
        #expect(e.recoveryQueries == 9)
        #expect(try #require(e.parameterRelativeError) < 1e-3)
        let fit = try #require(e.regression)
        #expect(fit.fidelityR2 > 0.9999)
    }

    @Test("least squares solves a square system and fits an over-determined one")
    func leastSquares() throws {
        // 2x + y = 5, x − y = 1 → x = 2, y = 1.
        let x = try LeastSquares.solve(a: [2, 1, 1, -1], rows: 2, columns: 2, b: [5, 1], rhsCount: 1)
        #expect(abs(x[0] - 2) < 1e-12 && abs(x[1] - 1) < 1e-12)
        // y = 3t + 1 through four exact points.
        let t: [Double] = [0, 1, 2, 3]
        let fit = try LeastSquares.solve(
            a: t.flatMap { [$0, 1] }, rows: 4, columns: 2, b: t.map { 3 * $0 + 1 }, rhsCount: 1)
        #expect(abs(fit[0] - 3) < 1e-12 && abs(fit[1] - 1) < 1e-12)
        #expect(throws: LeastSquares.Failure.self) {
            try LeastSquares.solve(a: [1, 2, 2, 4], rows: 2, columns: 2, b: [1, 2], rhsCount: 1)
        }
    }
}
