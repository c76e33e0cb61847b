import AIRiskAccess
import AIRiskProbes
import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskAssessment

/// Each probe's typed run: its canonical result carries the headline and policy metrics under stable IDs, and
/// its defense headlines are what a what-if compares by ID.
@Suite("Probe protocol: typed runs, metric IDs, headlines")
struct ProbeProtocolTests {
    static let name = "logreg_breast_cancer"

    static func context() throws -> ProbeContext {
        let plan = AssessmentPlan(
            modelURL: FixtureModels.directory.appendingPathComponent("\(name).onnx"),
            members: .init(url: FixtureModels.directory.appendingPathComponent("\(name).members.npz")),
            nonMembers: .init(url: FixtureModels.directory.appendingPathComponent("\(name).nonmembers.npz")),
            profile: .quick, seed: 7)
        return ProbeContext(
            model: try FixtureModels.access(name), members: try FixtureModels.data(name, "members"),
            nonMembers: try FixtureModels.data(name, "nonmembers"),
            population: try FixtureModels.data(name, "population"), plan: plan, profile: .quick, queryBudget: nil,
            targetFPR: 0.01)
    }

    /// The headline is the result's metric under the headline's ID, with the same value and interval.
    static func expectHeadlineStored(_ run: some ProbeRun) throws {
        let headline = try #require(run.headline)
        let id = try #require(headline.id)
        let stored = try #require(run.probeResult().metric(id))
        #expect(stored.value == headline.value)
        #expect(stored.ciLow == headline.lower && stored.ciHigh == headline.upper)
        #expect(run.policyMetrics.first == headline.metric)
        let ids = run.defenseHeadlines.map(\.id)
        #expect(Set(ids).count == ids.count, "defense headline IDs repeat: \(ids)")
    }

    @Test("membership: AUC headline, the TPR at the policy's FPR as a typed policy metric")
    func membership() async throws {
        let run = try await MembershipAssessmentProbe().run(try Self.context(), purpose: .assessment)
        try Self.expectHeadlineStored(run)
        #expect(run.headline?.id == .membershipAUC)
        let tpr = try #require(run.policyMetrics.first { $0.targetFPR != nil })
        #expect(tpr.id == .membershipTPR(atFPR: 0.01) && tpr.targetFPR == 0.01)
        let stored = try #require(run.probeResult().metric(.membershipTPR(atFPR: 0.01)))
        #expect(stored.value == tpr.value && stored.targetFPR == 0.01)
        #expect(run.probeResult().tables.contains { $0.id == .membershipAttacksTable })
        let auc = try #require(run.defenseHeadlines.first)
        #expect(auc.id == .membershipAUC && auc.value == run.headline?.value && auc.whenStopped == 0.5)
        #expect(run.defenseHeadlines.contains { $0.id == .membershipTPR(atFPR: 0.01) })
    }

    @Test("inversion: attack accuracy headline and classes reached, both by ID")
    func inversion() async throws {
        var context = try Self.context()
        context.plan.classes = [0, 1]
        let run = try await InversionAssessmentProbe().run(context, purpose: .assessment)
        #expect(run.notApplicableReason == nil)
        try Self.expectHeadlineStored(run)
        #expect(run.headline?.id == .inversionAttackAccuracy)
        let reached = try #require(run.probeResult().metric(.inversionClassesReached))
        #expect(run.defenseHeadlines.map(\.id) == [.inversionAttackAccuracy, .inversionClassesReached])
        #expect(run.defenseHeadlines.last?.value == reached.value)
        #expect(run.probeResult().tables.contains { $0.id == .inversionPerClassTable })
    }

    @Test("extraction: fidelity headline, its curve read back by ID; a what-if re-run names its budget")
    func extraction() async throws {
        let context = try Self.context()
        let run = try await ExtractionAssessmentProbe().run(context, purpose: .assessment)
        #expect(run.failureReason == nil)
        try Self.expectHeadlineStored(run)
        let result = run.probeResult()
        let curve = try #require(ExtractionCurveView(result))
        #expect(curve.rows == Int(try #require(result.metric(.extractionHeldOutRows)).value))
        #expect(abs(curve.bestFidelity - (run.headline?.value ?? -1)) <= 1e-12 * max(1, curve.bestFidelity))
        #expect(result.curves.contains { $0.id == .extractionFidelityCurve })

        let whatIf = try await ExtractionAssessmentProbe().run(context, purpose: .whatIf)
        let budget = try #require(whatIf.headlineBudget)
        #expect(whatIf.defenseHeadlines.map(\.id) == [.extractionFidelity(withinQueries: budget)])
        #expect(MetricID.extractionFidelity(withinQueries: 1000).rawValue == "extraction.fidelity_within_1000_queries")
    }

    @Test("IDs are stable strings in the policy's convention")
    func stableIDs() {
        #expect(MetricID.membershipTPR(atFPR: 0.01).rawValue == "membership.tpr_at_1pct_fpr")
        #expect(MetricID.membershipTPR(atFPR: 0.001).rawValue == "membership.tpr_at_0_1pct_fpr")
        #expect(MetricID.extractionQueriesTo(fidelity: 0.95).rawValue == "extraction.queries_to_95pct_fidelity")
        #expect(MetricID.liraTPR("online", atFPR: 0.01).probeID == "membership")
    }
}
