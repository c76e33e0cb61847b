import AIRiskProbes
import Foundation
import Testing

/// airisk's learning-based copies against an independent attacker script (scripts/reference_extraction.py: scikit-learn
/// copies trained on the target's labels from the same public rows, scored on the same evaluation rows).
///
/// The attack must not be weaker than that script: at every budget airisk's best copy reaches the script's mean
/// fidelity less the sampling error of a fidelity measured on the evaluation rows (1.96 standard errors of a
/// proportion, or 0.05 in R² for the regressor).
@Suite("Extraction probe against the independent Python reference")
struct ExtractionReferenceTests {
    struct Reference {
        var kind: String
        var evaluationRows: Int
        var budgets: [Int: Double]
    }

    static func reference() throws -> [String: Reference] {
        let url = FixtureData.directory.appendingPathComponent("reference_extraction.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let root = json as? [String: Any], let models = root["models"] as? [String: [String: Any]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var out: [String: Reference] = [:]
        for (name, entry) in models {
            guard let kind = entry["kind"] as? String, let rows = entry["evaluation_rows"] as? Int,
                let budgets = entry["budgets"] as? [String: [String: Any]]
            else { throw CocoaError(.fileReadCorruptFile) }
            var means: [Int: Double] = [:]
            for (budget, figures) in budgets {
                guard let b = Int(budget), let mean = figures["mean"] as? Double else {
                    throw CocoaError(.fileReadCorruptFile)
                }
                means[b] = mean
            }
            out[name] = Reference(kind: kind, evaluationRows: rows, budgets: means)
        }
        return out
    }

    @Test(
        "the best copy at each budget reaches the scikit-learn attacker's fidelity",
        arguments: [
            "softmax_digits", "mlp_digits_overfit", "mlp_digits_regularised", "random_forest_digits",
            "logreg_breast_cancer", "mlp_regressor_diabetes",
        ])
    func reachesReference(name: String) async throws {
        let reference = try #require(try Self.reference()[name])
        let budgets = reference.budgets.keys.sorted()
        let config = ExtractionConfiguration(budgets: budgets, sources: [.publicData], equationSolving: false, seed: 5)
        let result = try await ExtractionProbe(configuration: config).run(
            model: try FixtureData.model(name), publicData: try FixtureData.data(name, "population"),
            evaluationData: try FixtureData.data(name, "nonmembers"))
        for budget in budgets {
            let expected = try #require(reference.budgets[budget])
            let reached = result.curves.flatMap(\.points).filter { $0.budget == budget }.map(\.fidelity).max()
            let fidelity = try #require(reached, "\(name): no copy at budget \(budget)")
            let tolerance =
                reference.kind == "regressor"
                ? 0.05 : 1.96 * (expected * (1 - expected) / Double(reference.evaluationRows)).squareRoot()
            #expect(
                fidelity >= expected - tolerance,
                "\(name) at \(budget) queries: airisk \(fidelity), reference \(expected) (tolerance \(tolerance))")
        }
    }
}
