import AIRiskAssessment
import AIRiskProbes
import AIRiskTestSupport
import Foundation
import Testing

/// Issue 19: with reference models trained in-process, the standard profile must be about as strong as the
/// independent numpy LiRA whose 16 reference models were trained with the target's own recipe (TPR at 1 % FPR
/// about 0.15 on an overfit digits MLP; scripts/reference_mia.py reaches 0.21 with 8 such models on this
/// fixture). The in-process copies learn on the raw inputs as the target did; standardised copies reached 0.10.
@Suite("Membership: in-process reference models against the target-recipe reference")
struct MembershipInProcessStrengthTests {
    @Test("the standard profile's strongest attack reaches TPR 0.15 at 1 % FPR on the overfit digits MLP")
    func reachesReferenceStrength() async throws {
        let name = "mlp_digits_overfit"
        var config = Profile.standard.membership(seed: 0, scoresAvailable: true)
        // What the assessment sets for a plain MLP whose graph scales none of its inputs.
        config.hiddenSizes = [256]
        config.rawInputs = true
        let result = try await MembershipProbe(configuration: config).run(
            model: try FixtureModels.access(name), members: try FixtureModels.data(name, "members"),
            nonMembers: try FixtureModels.data(name, "nonmembers"),
            population: try FixtureModels.data(name, "population"))
        let tprs = result.attacks.compactMap { a in
            a.metrics.lowFPR.first { abs($0.targetFPR - 0.01) < 1e-9 }.map { (a.name, $0.tpr.estimate) }
        }
        let best = try #require(tprs.max { $0.1 < $1.1 })
        #expect(best.1 >= 0.15, "strongest TPR at 1 % FPR: \(best.0) \(best.1); all: \(tprs)")
        #expect(result.attacks.contains { $0.name == "LiRA online" }, "the standard profile runs online LiRA")
    }

    /// Issue 19 as filed: LiRA with 16 in-process reference models reached AUC 0.659 and TPR 0.057 at 1 % FPR on
    /// this fixture (standard profile, 60 epochs on standardised inputs). The quick profile's RMIA has 2.
    @Test("the quick profile's RMIA with 2 references beats the LiRA-16 figures the issue was filed with")
    func quickRMIABeatsFiledLiRA() async throws {
        let name = "mlp_digits_overfit"
        let members = try FixtureModels.data(name, "members")
        let nonMembers = try FixtureModels.data(name, "nonmembers")
        var quick = Profile.quick.membership(seed: 0, scoresAvailable: true)
        quick.hiddenSizes = [256]
        quick.rawInputs = true
        quick.attacks = [.rmiaOffline, .rmiaOnline]
        let rmia = try await MembershipProbe(configuration: quick).run(
            model: try FixtureModels.access(name), members: members, nonMembers: nonMembers,
            population: try FixtureModels.data(name, "population"))
        #expect(rmia.referenceModelCount == 2)
        let best = try #require(rmia.attacks.max { $0.metrics.auc < $1.metrics.auc })
        let ci = AUCInterval.hanleyMcNeil(auc: best.metrics.auc, positives: members.count, negatives: nonMembers.count)
        #expect(ci.lower > 0.659, "\(best.name) AUC \(best.metrics.auc) \(ci)")
        let tpr = best.metrics.lowFPR.first { abs($0.targetFPR - 0.01) < 1e-9 }?.tpr.estimate ?? 0
        #expect(tpr > 0.057, "\(best.name) TPR at 1 % FPR \(tpr)")
    }
}
