import AIRiskAccess
import AIRiskProbes
import AIRiskTestSupport
import Foundation
import Testing

@Suite("Membership probe on the fixtures")
struct MembershipFixtureTests {
    static let thresholdAttacks: [(MembershipAttack, String)] = [
        (.confidence, "confidence"), (.loss, "loss"), (.entropy, "entropy"), (.modifiedEntropy, "modified_entropy"),
    ]

    func run(_ name: String, attacks: [MembershipAttack], references: Int = 0) async throws -> MembershipResult {
        let config = MembershipProbeConfiguration(
            attacks: attacks, shadowModelCount: 4, referenceModelCount: references, hiddenSizes: [64], epochs: 150,
            seed: 3)
        return try await MembershipProbe(configuration: config).run(
            model: try FixtureModels.access(name), members: try FixtureModels.data(name, "members"),
            nonMembers: try FixtureModels.data(name, "nonmembers"),
            population: try FixtureModels.data(name, "population"))
    }

    @Test(
        "threshold attacks match the independent Python reference within 0.005",
        arguments: ["softmax_digits", "mlp_digits_overfit", "mlp_digits_regularised"])
    func thresholdAttacksMatchReference(name: String) async throws {
        let reference = try #require(try FixtureModels.membershipReference()[name])
        let result = try await run(name, attacks: Self.thresholdAttacks.map(\.0))
        for (attack, key) in Self.thresholdAttacks {
            let r = try #require(reference[key])
            let m = try #require(result.result(for: attack)).metrics
            #expect(abs(m.auc - r.auc) <= 0.005, "\(name) \(key): AUC \(m.auc) vs \(r.auc)")
            let tpr = try #require(m.lowFPR.first { abs($0.targetFPR - 0.01) < 1e-9 }).tpr.estimate
            #expect(abs(tpr - r.tpr) <= 0.005, "\(name) \(key): TPR@1% \(tpr) vs \(r.tpr)")
        }
    }

    @Test("every attack ranks the overfit MLP as leaking more than the regularised one")
    func overfitLeaksMore() async throws {
        let attacks: [MembershipAttack] = [.confidence, .loss, .entropy, .modifiedEntropy, .gap, .shadowModel]
        let overfit = try await run("mlp_digits_overfit", attacks: attacks)
        let regularised = try await run("mlp_digits_regularised", attacks: attacks)
        for a in attacks {
            let o = try #require(overfit.result(for: a)).metrics.auc
            let r = try #require(regularised.result(for: a)).metrics.auc
            #expect(o > r, "\(a): overfit AUC \(o) vs regularised \(r)")
        }
        #expect(overfit.accuracyGap > regularised.accuracyGap)
    }

    @Test("online LiRA reaches at least the best threshold attack's TPR at 1 % FPR on the overfit MLP")
    func liraBeatsThresholds() async throws {
        let result = try await run(
            "mlp_digits_overfit", attacks: Self.thresholdAttacks.map(\.0) + [.liraOnline], references: 16)
        func tpr(_ a: MembershipAttack) -> Double {
            result.result(for: a)?.metrics.lowFPR.first { abs($0.targetFPR - 0.01) < 1e-9 }?.tpr.estimate ?? -1
        }
        let best = Self.thresholdAttacks.map { tpr($0.0) }.max() ?? 0
        let lira = tpr(.liraOnline)
        #expect(lira >= best, "LiRA \(lira) vs best threshold \(best)")
        let liraAUC = result.result(for: .liraOnline)?.metrics.auc ?? 0
        let bestThresholdAUC = Self.thresholdAttacks.compactMap { result.result(for: $0.0)?.metrics.auc }.max() ?? 1
        #expect(liraAUC > bestThresholdAUC, "LiRA AUC \(liraAUC) vs best threshold \(bestThresholdAUC)")
        #expect(result.referenceModelCount == 16)
    }

    @Test("a labels-only model gets the label-only attacks and no score-based ones, and says so")
    func labelsOnly() async throws {
        let name = "mlp_digits_overfit"
        let model = LabelsOnlyModel(try FixtureModels.access(name))
        let result = try await MembershipProbe(configuration: MembershipProbeConfiguration(seed: 1)).run(
            model: model, members: try FixtureModels.data(name, "members"),
            nonMembers: try FixtureModels.data(name, "nonmembers"), population: nil)
        #expect(Set(result.attacks.map(\.attack)).isSubset(of: [.gap, .boundaryDistance]))
        #expect(result.attacks.contains { $0.attack == .gap })
        let skipped = Set(result.skipped.map(\.attack))
        #expect(skipped.isSuperset(of: [.confidence, .loss, .entropy, .modifiedEntropy, .shadowModel, .liraOnline]))
        #expect(result.skipped.allSatisfy { $0.reason.contains("labels") })
        #expect(result.accessLevel == .labelsOnly)
    }
}
