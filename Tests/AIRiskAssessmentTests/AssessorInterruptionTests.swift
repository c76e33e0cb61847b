import AIRiskAssessment
import AIRiskCatalog
import AIRiskResults
import Foundation
import Testing

@Suite("Assessor interruption")
struct AssessorInterruptionTests {
    @Test("cancelled inside a probe (the first Ctrl-C), the run stops between batches and is labelled incomplete")
    func cancelledRunIsIncomplete() async throws {
        let catalog = try Catalog.bundled()
        let plan = fixturePlan("mlp_digits_overfit", probes: [.membership, .extraction])
        let task = Task {
            let assessor = Assessor(
                catalog: catalog,
                probeProgress: { _, _ in
                    // Progress is reported from inside the probe's task: cancel it as Ctrl-C would, after the
                    // membership probe has queried the model.
                    withUnsafeCurrentTask { $0?.cancel() }
                })
            return try await assessor.run(plan)
        }
        let results = try await task.value
        guard case .incomplete(let error) = results.status else {
            Issue.record("an interrupted run is labelled \(results.status)")
            return
        }
        #expect(error.contains("interrupted"), "\(error)")
        #expect(results.probes.map(\.id) == ["membership", "extraction"])
        for probe in results.probes {
            #expect(probe.status.state == "failed", "\(probe.id): \(probe.status)")
            #expect(probe.status.detail?.contains("interrupted") == true)
        }
        // Had the probes run on, membership would have ended `ran` with a finding.
        #expect(results.findings.isEmpty)
    }
}
