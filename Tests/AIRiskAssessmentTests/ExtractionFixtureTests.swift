import AIRiskAccess
import AIRiskONNX
import AIRiskProbes
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@Suite("Extraction probe on the fixtures")
struct ExtractionFixtureTests {
    /// The affine map behind a scikit-learn linear classifier, read from its ONNX attributes and
    /// expressed as softmax logits over the raw input (the Scaler folded in).
    static func trueParameters(_ name: String) throws -> AffineParameters {
        let model = try FixtureModels.access(name).model
        func floats(_ node: Node, _ key: String) -> [Float] {
            if case .floats(let v)? = node.attributes[key] { return v }
            return []
        }
        let linear = try #require(model.graph.nodes.first { $0.opType == "LinearClassifier" })
        let coefficients = floats(linear, "coefficients")
        let intercepts = floats(linear, "intercepts")
        let classes = intercepts.count
        let d = coefficients.count / classes
        var offset = [Float](repeating: 0, count: d)
        var scale = [Float](repeating: 1, count: d)
        if let scaler = model.graph.nodes.first(where: { $0.opType == "Scaler" }) {
            offset = floats(scaler, "offset")
            scale = floats(scaler, "scale")
        }
        var weights: [[Double]] = []
        var biases: [Double] = []
        for c in 0..<classes {
            let w = (0..<d).map { Double(coefficients[c * d + $0]) * Double(scale[$0]) }
            let b = Double(intercepts[c]) - (0..<d).map { w[$0] * Double(offset[$0]) }.reduce(0, +)
            weights.append(w)
            biases.append(b)
        }
        if case .string("LOGISTIC")? = linear.attributes["post_transform"], classes == 2 {
            // Binary logistic: p1 = σ(z1), p0 = σ(z0) = σ(−z1), so the softmax logits are [0, z1].
            return AffineParameters(weights: [[Double](repeating: 0, count: d), weights[1]], biases: [0, biases[1]])
        }
        return AffineParameters(weights: weights, biases: biases)
    }

    @Test(
        "equation solving recovers the linear fixtures from exactly d + 1 queries",
        arguments: [("logreg_breast_cancer", 30), ("softmax_digits", 64)])
    func equationSolving(name: String, d: Int) async throws {
        let config = ExtractionConfiguration(
            budgets: [50], sources: [.publicData], classificationLosses: [.hard], equationSolving: true,
            referenceParameters: try Self.trueParameters(name), seed: 1)
        let result = try await ExtractionProbe(configuration: config).run(
            model: try FixtureModels.access(name), publicData: try FixtureModels.data(name, "population"),
            evaluationData: try FixtureModels.data(name, "nonmembers"))
        let eq = try #require(result.equationSolving)
        #expect(eq.isOfForm, "\(eq.verdict): \(eq.failure ?? "")")
        #expect(eq.recoveryQueries == d + 1)
        #expect(try #require(eq.parameterRelativeError) < 1e-3)
        #expect(eq.fidelity == 1.0)
    }

    @Test(
        "learning-based copies of the MLPs reach 90 % fidelity within the default budget",
        arguments: ["mlp_digits_overfit", "mlp_digits_regularised"])
    func mlpCopies(name: String) async throws {
        let config = ExtractionConfiguration(
            budgets: [100, 500, 2000], sources: [.publicData], classificationLosses: [.soft(temperature: 4)],
            equationSolving: true, seed: 2)
        let result = try await ExtractionProbe(configuration: config).run(
            model: try FixtureModels.access(name), publicData: try FixtureModels.data(name, "population"),
            evaluationData: try FixtureModels.data(name, "nonmembers"))
        #expect(result.equationSolving?.isOfForm == false, "an MLP is not a logistic model")
        #expect(try #require(result.bestCurve).bestFidelity >= 0.9)
        #expect(result.queriesUsed <= 2000)
    }

    @Test("the regression fixture's copy reaches an R² within 0.1 of the target's")
    func regressionCopy() async throws {
        let name = "mlp_regressor_diabetes"
        let config = ExtractionConfiguration(
            budgets: [200], sources: [.publicData], regressionLosses: [.l2], equationSolving: false, seed: 3)
        let result = try await ExtractionProbe(configuration: config).run(
            model: try FixtureModels.access(name), publicData: try FixtureModels.data(name, "population"),
            evaluationData: try FixtureModels.data(name, "nonmembers"))
        let fit = try #require(result.curves.first?.points.last?.regression)
        let surrogate = try #require(fit.surrogateR2)
        let target = try #require(fit.targetR2)
        #expect(abs(surrogate - target) <= 0.1, "surrogate R² \(surrogate) vs target \(target)")
    }
}
