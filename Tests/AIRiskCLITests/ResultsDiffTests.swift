import AIRiskReport
import AIRiskResults
import Foundation
import Testing

@testable import AIRiskCLI

@Suite("airisk diff pairs metrics by ID")
struct ResultsDiffTests {
    static func results(_ metrics: [Metric]) -> AssessmentResults {
        var r = AssessmentResults(
            tool: ToolInfo(name: "airisk", version: "test"), generatedAt: Date(timeIntervalSince1970: 0), seed: 0,
            profile: "quick", dataSensitivity: .medium,
            model: ModelIdentity(
                name: "m", sourceKind: .file, location: "m.onnx", inputShape: [], outputKind: "probabilities",
                accessLevel: "scores"),
            environment: EnvironmentInfo(operatingSystem: "test", cpuCount: 1, swiftVersion: "6"))
        r.probes = [ProbeResult(id: "membership", title: "M", accessAssumed: "", seed: 0, metrics: metrics)]
        return r
    }

    @Test("a renamed metric with the same ID is one row; without IDs (older documents) the name pairs them")
    func pairing() {
        let old = Self.results([
            Metric(id: .membershipAUC, name: "Headline: Attack AUC", value: 0.7),
            Metric(name: "Generalisation gap", value: 0.1),
        ])
        let new = Self.results([
            Metric(id: .membershipAUC, name: "Headline: AUC of the best attack", value: 0.6),
            Metric(id: .membershipGeneralisationGap, name: "Generalisation gap", value: 0.05),
        ])
        let diff = ResultsDiff(old: old, new: new)
        #expect(diff.metrics.count == 2, "\(diff.metrics.map(\.metric))")
        #expect(diff.metrics.contains { $0.old == 0.7 && $0.new == 0.6 })
        #expect(diff.metrics.contains { $0.old == 0.1 && $0.new == 0.05 })
        // Different IDs are different figures even under one name.
        let split = ResultsDiff(
            old: Self.results([Metric(id: .membershipTPR(atFPR: 0.01), name: "TPR", value: 0.2)]),
            new: Self.results([Metric(id: .membershipTPR(atFPR: 0.001), name: "TPR", value: 0.1)]))
        #expect(split.metrics.count == 2)
    }
}
