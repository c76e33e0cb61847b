import AIRiskAccess
import AIRiskTensor
import Testing

@testable import AIRiskProbes

@Suite("Extraction: summary")
struct ExtractionSummaryTests {
    @Test("the summary shows the fidelity table and the queries needed per threshold")
    func render() async throws {
        let target = AffineSoftmaxTarget(rows: 3, features: 5, classes: 3, scale: 1, seed: 41)
        let pub = try await ExtractionTestData.labelled(by: target, rows: 300, seed: 42)
        let eval = try await ExtractionTestData.labelled(by: target, rows: 200, seed: 43)
        let config = ExtractionConfiguration(
            budgets: [20, 100], sources: [.publicData, .uniform], surrogates: [.logistic],
            classificationLosses: [.hard, .soft(temperature: 16)], seed: 7,
            fidelityThresholds: [0.9, 1.01])
        let result = try await ExtractionProbe(configuration: config).run(
            model: target, publicData: pub, evaluationData: eval)
        let text = ExtractionSummary.render(result)
        #expect(text.contains("Equation solving"))
        #expect(text.contains("model is multinomial logistic"))
        #expect(text.contains("public-data logistic hard"))
        #expect(text.contains("uniform logistic soft(T=16)"))
        #expect(text.contains("     20     100"))
        #expect(text.contains("101.0% fidelity: not reached within budget"))
        let q90 = try #require(result.queriesToReach(0.9))
        #expect(text.contains("90.0% fidelity: \(q90) queries"))
        #expect(text.contains("equation solving instead: fidelity 100.0% from 6 queries (+ 20 to verify)"))
        #expect(text.contains("attack queries: \(result.queriesUsed) of a budget of \(result.queryBudget) rows"))
    }
}
