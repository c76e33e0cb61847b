import AIRiskAccess
import AIRiskAssessment
import AIRiskCatalog
import AIRiskProbes
import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@Suite("Defense what-if")
struct DefenseWhatIfTests {
    @Test("label-only answers take away the score-based membership attacks' advantage over the label-only attack")
    func labelOnlyRemovesScoreAdvantage() async throws {
        let name = "mlp_digits_overfit"
        let members = try FixtureModels.data(name, "members")
        let nonMembers = try FixtureModels.data(name, "nonmembers")
        var config = MembershipProbeConfiguration(seed: 3)
        config.attacks = [.confidence, .loss, .entropy, .gap]
        config.shadowModelCount = 0
        config.referenceModelCount = 0
        let model = try FixtureModels.access(name)
        let before = try await MembershipProbe(configuration: config).run(
            model: model, members: members, nonMembers: nonMembers, population: nil)
        let after = try await MembershipProbe(configuration: config).run(
            model: LabelsOnlyModel(model), members: members, nonMembers: nonMembers, population: nil)

        let gapBefore = try #require(before.attacks.first { $0.attack == .gap }).metrics.auc
        let bestScoreBefore = before.attacks.filter { $0.attack != .gap }.map(\.metrics.auc).max() ?? 0
        #expect(bestScoreBefore > gapBefore + 0.02, "scores give an advantage without the defense")
        #expect(Set(after.skipped.map(\.attack)) == [.confidence, .loss, .entropy])
        #expect(after.attacks.map(\.attack) == [.gap])
        let bestAfter = after.attacks.map(\.metrics.auc).max() ?? 0
        #expect(abs(bestAfter - gapBefore) < 1e-9, "only the label-only attack is left, and it is unchanged")
    }

    @Test("rounding scores to one decimal lowers black-box inversion success on softmax_digits")
    func roundingLowersInversion() async throws {
        let name = "softmax_digits"
        let members = try FixtureModels.data(name, "members")
        let nonMembers = try FixtureModels.data(name, "nonmembers")
        let range = try FeatureRange(observing: try members.appending(nonMembers).features)
        var config = InversionConfiguration()
        config.forceBlackBox = true
        config.restarts = 1
        config.maxIterations = 100
        config.samplesPerEstimate = 10
        config.queryBudget = 30_000
        config.seed = 2
        let model = try FixtureModels.access(name)
        let probe = InversionProbe(configuration: config)
        let before = try await probe.run(model: model, members: members, nonMembers: nonMembers, range: range)
        let after = try await probe.run(
            model: RoundedScoresModel(model, decimals: 1), members: members, nonMembers: nonMembers, range: range)
        #expect(before.access == .scores && after.access == .scores)
        #expect(
            after.targetSuccessRate < before.targetSuccessRate,
            "reached \(before.targetSuccessRate) without rounding, \(after.targetSuccessRate) with")
    }

    @Test("L2, dropout and early stopping are measured on retrains of the overfit MLP, each with its accuracy")
    func overfittingDefenses() async throws {
        let assessor = Assessor(catalog: try Catalog.bundled(), clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        var plan = fixturePlan("mlp_digits_overfit", probes: [.membership])
        plan.defenses = try DefenseSpec.parseList("l2:0.01,dropout:0.5,early-stopping:3")
        let results = try await assessor.run(plan)
        for spec in plan.defenses {
            let e = try #require(results.defenses.first { $0.name.hasSuffix("(\(spec))") }, "\(spec) measured")
            #expect(e.id == "def.suppress-overfitting" && e.evidence == .measured)
            #expect(e.notes?.contains("Measured on a retrain, not the deployed model") == true)
            let accuracy = try #require(e.measurements.first { $0.probeID == "utility" })
            #expect(accuracy.before > 0.8 && accuracy.after > 0.8, "\(spec): \(accuracy.before) → \(accuracy.after)")
            #expect(e.measurements.contains { $0.probeID == "membership" && $0.metric == "Attack AUC" })
        }
        let early = try #require(results.defenses.first { $0.name.hasSuffix("(early-stopping:3)") })
        #expect(early.notes?.contains("40 of the 200 member records") == true)
        #expect(early.notes?.contains("the probes count only the 160 records it trained on as members") == true)
        let dropout = try #require(results.defenses.first { $0.name.hasSuffix("(dropout:0.5)") })
        #expect(dropout.notes?.contains("dropped with probability 0.5") == true)
        _ = try ResultsDocument.data(for: results)
    }

    @Test("every defense is measured with its accuracy, catalog-only defenses stay unmeasured, the XML validates")
    func assessmentWithDefenses() async throws {
        let catalog = try Catalog.bundled()
        let assessor = Assessor(catalog: catalog, clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        var plan = fixturePlan("softmax_digits", probes: [.membership, .inversion])
        plan.defenses = try DefenseSpec.parseList(
            "round:1,top:1,label-only,noise:0.05,temperature:4,reverse-sigmoid")
        let results = try await assessor.run(plan)
        #expect(results.status == .complete)

        let measured = results.defenses.filter { $0.evidence == .measured }
        #expect(measured.count == plan.defenses.count)
        for spec in plan.defenses {
            let e = try #require(measured.first { $0.name.hasSuffix("(\(spec))") }, "\(spec) measured")
            let mdef = try #require(catalog.measurableDefense(spec.measurableDefenseID))
            #expect(e.id == mdef.implements.first?.ref, "\(spec) is filed under the catalog defense it implements")
            let accuracy = try #require(
                e.measurements.first { $0.probeID == "utility" && $0.metric.hasPrefix("Accuracy") })
            #expect(accuracy.before > 0.8 && accuracy.after > 0 && accuracy.after <= 1)
            #expect(e.utilityChange != nil)
            #expect(e.measurements.contains { $0.probeID == "utility" && $0.metric == "Top label unchanged" })
            #expect(e.measurements.contains { $0.probeID == "membership" && $0.metric == "Attack AUC" })
        }
        let labelOnly = try #require(measured.first { $0.name.hasSuffix("(label-only)") })
        #expect(
            labelOnly.measurements.contains {
                $0.probeID == "utility" && $0.metric == "Top label unchanged" && $0.after == 1
            })
        #expect(labelOnly.notes?.contains("could not run") == true, "inversion cannot run behind labels only")
        for c in results.defenses where c.evidence == .catalog {
            #expect(c.measurements.isEmpty)
            #expect(!measured.contains { $0.id == c.id })
        }
        let membership = try #require(results.findings.first { $0.probeID == "membership" })
        let recommended = try #require(membership.recommendedDefenses.first { $0.id == "def.mask-confidence" })
        #expect(recommended.evidence == .measured)
        #expect(recommended.measurement?.probeID == "membership")

        let data = try ResultsDocument.data(for: results)
        let back = try ResultsDocument.read(data, fileName: "results.xml")
        #expect(back.defenses == results.defenses)
    }

    @Test("a query limit reports the extraction fidelity reachable within it, from the main run's curve")
    func queryLimit() async throws {
        let assessor = Assessor(catalog: try Catalog.bundled(), clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        var plan = fixturePlan("mlp_digits_overfit", probes: [.extraction])
        plan.defenses = [.queryLimit(100), .queryLimit(1000)]
        let results = try await assessor.run(plan)
        let limits = results.defenses.filter { $0.id == "def.model-access-control" && $0.evidence == .measured }
        #expect(limits.count == 2)
        let f100 = try #require(limits.first { $0.name.hasSuffix("(query-limit:100)") }?.measurements.first)
        let f1000 = try #require(limits.first { $0.name.hasSuffix("(query-limit:1000)") }?.measurements.first)
        #expect(f100.metric == "Fidelity within the query limit")
        #expect(f100.after <= f1000.after && f1000.after <= f1000.before)
        #expect(f100.after < f100.before, "100 queries copy less than the full budget")
        _ = try ResultsDocument.data(for: results)
    }
}
