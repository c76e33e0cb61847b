import AIRiskAssessment
import AIRiskCatalog
import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

private let models = FixtureModels.directory

private func assess(_ plan: AssessmentPlan) async throws -> AssessmentResults {
    try await Assessor(catalog: try Catalog.bundled(), clock: { Date(timeIntervalSince1970: 1_800_000_000) }).run(plan)
}

private func plan(
    _ name: String, members: String = "members", nonMembers: String = "nonmembers", population: String? = "population",
    probes: [ProbeKind], profile: Profile = .quick
) -> AssessmentPlan {
    AssessmentPlan(
        modelURL: models.appendingPathComponent("\(name).onnx"),
        members: .init(url: models.appendingPathComponent("\(name).\(members).npz")),
        nonMembers: .init(url: models.appendingPathComponent("\(name).\(nonMembers).npz")),
        population: population.map { .init(url: models.appendingPathComponent("\(name).\($0).npz")) },
        probes: probes, profile: profile, seed: 0)
}

/// The verdict tracks measured leakage: the committed fixtures give an independent check of the
/// severity ordering, of null assessments and of the sanity warnings.
@Suite("Verdict on the committed fixtures")
struct VerdictTests {
    @Test("the overfit digits MLP is rated more severe than the regularised one, and leaks more")
    func overfitVersusRegularised() async throws {
        let overfit = try await assess(plan("mlp_digits_overfit", probes: [.membership]))
        let regularised = try await assess(plan("mlp_digits_regularised", probes: [.membership]))
        let o = try #require(overfit.findings.first)
        let r = try #require(regularised.findings.first)
        let oh = try #require(o.headline)
        let rh = try #require(r.headline)
        #expect((oh.ciLow ?? 0) > (rh.ciLow ?? 1), "overfit \(oh.value) vs regularised \(rh.value)")
        #expect(o.severity > r.severity, "overfit \(o.severity) vs regularised \(r.severity)")
    }

    @Test("members the model never saw give no membership finding above low")
    func nullAssessment() async throws {
        // "Members" drawn from the population file: records from the same distribution, never trained on.
        let results = try await assess(
            plan("mlp_digits_overfit", members: "population", population: nil, probes: [.membership]))
        let f = try #require(results.findings.first)
        #expect(f.severity <= .low, "\(f.severity): \(f.rationale)")
    }

    @Test("chance-level inversion on a binary model is not a finding above low")
    func binaryInversion() async throws {
        let results = try await assess(plan("logreg_breast_cancer", probes: [.inversion]))
        let f = try #require(results.findings.first)
        #expect(f.severity <= .low, "\(f.severity): \(f.rationale)")
        let h = try #require(f.headline)
        #expect(h.basis?.contains("chance 0.500") == true, "\(h.basis ?? "")")
    }

    @Test("members and non-members swapped are warned about")
    func swappedSplits() async throws {
        let results = try await assess(
            plan("mlp_digits_overfit", members: "nonmembers", nonMembers: "members", probes: [.membership]))
        #expect(results.warnings.contains { $0.contains("swapped") }, "\(results.warnings)")
        let f = try #require(results.findings.first)
        #expect(f.severity == .note, "\(f.severity)")
    }

    @Test("the finding, the probe metrics and the attack table cite the same headline value")
    func oneHeadline() async throws {
        let results = try await assess(plan("mlp_digits_overfit", probes: [.membership]))
        let f = try #require(results.findings.first)
        let h = try #require(f.headline)
        let probe = try #require(results.probes.first)
        #expect(probe.metrics.first == h, "the probe's first metric is the finding's headline")
        #expect(f.context?.contains("exposure internal") == true)
        #expect(!results.warnings.contains { $0.contains("probabilities") }, "scikit-learn's probabilities are ones")
        #expect(f.rationale.contains(String(format: "%.3f", h.value)))
        let table = try #require(probe.tables.first { $0.title == "Attacks" })
        let attack = try #require(h.basis?.components(separatedBy: ",").first)
        let row = try #require(table.rows.first { $0.first == .text(attack) }, "headline attack \(attack) in the table")
        #expect(row.contains(.number(h.value)), "\(row) should contain \(h.value)")
        let interval = String(format: "[%.3f, %.3f]", h.ciLow ?? .nan, h.ciHigh ?? .nan)
        #expect(row.contains(.text(interval)), "\(row) should contain \(interval)")
        // The ε bound reported is the largest in the table.
        let epsilon = try #require(probe.metric(named: "Empirical ε lower bound"))
        let column = try #require(table.columns.firstIndex(of: "ε lower bound"))
        let largest = table.rows.compactMap { r -> Double? in
            if case .number(let v) = r[column] { return v }
            return nil
        }.max()
        #expect(epsilon.value == largest)
    }

    @Test("a run in which no selected probe ran is incomplete (inversion on a model with categorical inputs)")
    func nothingRan() async throws {
        let pipelines = models.appendingPathComponent("pipelines")
        let results = try await assess(
            AssessmentPlan(
                modelURL: pipelines.appendingPathComponent("credit_pipeline.onnx"),
                members: .init(
                    url: pipelines.appendingPathComponent("credit_pipeline.members.csv"), labelColumn: "default"),
                nonMembers: .init(
                    url: pipelines.appendingPathComponent("credit_pipeline.nonmembers.csv"), labelColumn: "default"),
                population: nil, probes: [.inversion], profile: .quick, seed: 0))
        #expect(!results.anyProbeRan)
        #expect(!results.status.isComplete)
        #expect(results.findings.isEmpty)
    }
}
