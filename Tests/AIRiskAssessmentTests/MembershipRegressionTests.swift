import AIRiskAccess
import AIRiskONNX
import AIRiskProbes
import AIRiskTestSupport
import Foundation
import Testing

@Suite("Membership inference against regressors")
struct MembershipRegressionTests {
    /// reference_mia_regression.json (scripts/reference_mia_regression.py): numpy's figures from onnxruntime's answers.
    struct Reference: Decodable {
        struct Model: Decodable {
            var auc: Double
            var outputs: Int
            var member_mse: Double
            var non_member_mse: Double
            var tpr_at_fpr: [String: Double]
        }
        var models: [String: Model]
    }

    static func reference(_ name: String) throws -> Reference.Model {
        let data = try Data(
            contentsOf: FixtureModels.directory.appendingPathComponent("reference_mia_regression.json"))
        return try #require(try JSONDecoder().decode(Reference.self, from: data).models[name])
    }

    /// The loss attack alone (the reference attacks have their own tests).
    func run(_ name: String) async throws -> MembershipResult {
        try await MembershipProbe(configuration: MembershipProbeConfiguration(attacks: [.squaredError], seed: 5)).run(
            model: try FixtureModels.access(name), members: try FixtureModels.data(name, "members"),
            nonMembers: try FixtureModels.data(name, "nonmembers"), population: nil)
    }

    @Test("the squared-error attack matches numpy's AUC within 0.01 and its mean squared errors within 1e-4 relative")
    func matchesReference() async throws {
        let name = "mlp_regressor_diabetes"
        let r = try Self.reference(name)
        let result = try await run(name)
        let attack = try #require(result.result(for: .squaredError))
        #expect(abs(attack.metrics.auc - r.auc) <= 0.01, "AUC \(attack.metrics.auc) vs numpy \(r.auc)")
        let e = try #require(result.regressionError)
        #expect(e.outputCount == r.outputs)
        #expect(abs(e.memberMSE - r.member_mse) <= 1e-4 * r.member_mse, "\(e.memberMSE) vs \(r.member_mse)")
        #expect(abs(e.nonMemberMSE - r.non_member_mse) <= 1e-4 * r.non_member_mse)
        // Members were fitted: their residuals are smaller, so the attack beats chance.
        #expect(e.memberMSE < e.nonMemberMSE)
        #expect(attack.metrics.auc > 0.6)
        let tpr10 = try #require(attack.metrics.lowFPR.first { abs($0.targetFPR - 0.1) < 1e-9 }).tpr.estimate
        let want = try #require(r.tpr_at_fpr["0.1"])
        #expect(abs(tpr10 - want) <= 0.01, "TPR at 10 % FPR \(tpr10) vs numpy \(want)")
    }

    @Test("three outputs: the per-row mean squared error over the outputs matches numpy's AUC within 0.01")
    func multiOutputMatchesReference() async throws {
        let name = "mlp_regressor_multi"
        let r = try Self.reference(name)
        let access = try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: FixtureModels.url(name, ".onnx")), name: name, outputKind: .regression)
        #expect(access.description.outputWidth == 3)
        let members = try FixtureModels.data(name, "members")
        #expect(members.targetWidth == 3)
        let result = try await MembershipProbe(
            configuration: MembershipProbeConfiguration(attacks: [.squaredError], seed: 5)
        )
        .run(
            model: access, members: members, nonMembers: try FixtureModels.data(name, "nonmembers"),
            population: nil)
        let auc = try #require(result.result(for: .squaredError)).metrics.auc
        #expect(abs(auc - r.auc) <= 0.01, "AUC \(auc) vs numpy \(r.auc)")
        let e = try #require(result.regressionError)
        #expect(e.outputCount == 3)
        #expect(abs(e.memberMSE - r.member_mse) <= 1e-3 * r.member_mse, "\(e.memberMSE) vs \(r.member_mse)")
        #expect(abs(e.nonMemberMSE - r.non_member_mse) <= 1e-3 * r.non_member_mse)
    }

    @Test("class-score attacks are skipped with the reason; LiRA and RMIA run on the residuals of reference regressors")
    func classifierAttacksSkipped() async throws {
        let name = "mlp_regressor_diabetes"
        var config = MembershipProbeConfiguration(seed: 5)
        config.referenceModelCount = 4
        config.epochs = 20
        let result = try await MembershipProbe(configuration: config).run(
            model: try FixtureModels.access(name), members: try FixtureModels.data(name, "members"),
            nonMembers: try FixtureModels.data(name, "nonmembers"),
            population: try FixtureModels.data(name, "population"))
        #expect(result.attacks.map(\.attack) == [.squaredError, .liraOffline, .liraOnline, .rmiaOffline, .rmiaOnline])
        #expect(result.skipped.map(\.attack) == MembershipAttack.classifierAttacks.filter { !$0.usesReferenceModels })
        #expect(result.skipped.allSatisfy { $0.reason.contains("regressor") })
        #expect(result.outputKind == .regression)
        #expect(result.referenceModelCount == 4)
        #expect(result.referenceOrigin?.contains("mean squared error") == true)
        #expect(result.trainerSummary.contains("mean squared error"))
        for a in result.attacks { #expect(a.metrics.auc > 0.5, "\(a.name): \(a.metrics.auc)") }
        #expect(result.metricDefinitions.contains { $0.definition.contains("r_j²") })
    }

    @Test("class labels instead of regression targets end in an error naming the mismatch")
    func labelsRefused() async throws {
        let data = try FixtureModels.data("mlp_regressor_diabetes", "members")
        let labelled = try LabeledData(features: data.features, labels: Array(repeating: 0, count: data.count))
        await #expect(throws: MembershipProbeError.self) {
            _ = try await MembershipProbe(configuration: MembershipProbeConfiguration(seed: 5)).run(
                model: try FixtureModels.access("mlp_regressor_diabetes"), members: labelled, nonMembers: labelled,
                population: nil)
        }
    }
}
