import AIRiskLoader
import AIRiskProbes
import AIRiskTestSupport
import Foundation
import Testing

/// LiRA and RMIA against a regressor on the user's own reference regressors (`--reference-models`), against the
/// independent numpy implementation `scripts/reference_mia_regression.py --references 16`: the 16 committed
/// reference regressors of mlp_regressor_diabetes (the target's recipe, on halves of the member and non-member
/// records) and the figures it wrote for them (reference_mia.json), from the same residual signals — φ = −mean_j
/// log(r_j² + 10⁻⁶·var(y_j)), Pr(x|θ) = exp(−mean_j r_j² / (2 s_j²)) with s_j² the target's mean squared error
/// on the population rows.
@Suite("Membership against a regressor with supplied reference regressors")
struct MembershipRegressionReferencesTests {
    static let name = "mlp_regressor_diabetes"
    static let directory = FixtureModels.directory.appendingPathComponent("references/\(name)")
    static let attacks: [(MembershipAttack, String)] = [
        (.liraOnline, "lira_online"), (.liraOffline, "lira_offline"), (.rmiaOnline, "rmia_online"),
        (.rmiaOffline, "rmia_offline"),
    ]

    /// reference_mia.json: numpy's figures from onnxruntime's answers.
    struct Reference: Decodable {
        struct Figures: Decodable {
            var auc: Double
            var tpr: Double

            enum CodingKeys: String, CodingKey {
                case auc
                case tpr = "tpr_at_fpr_0.01"
            }
        }
        var attacks: [String: Figures]
        var referenceModels: Int
        var targetRecords: Int
        var rmiaOfflineA: Double

        enum CodingKeys: String, CodingKey {
            case attacks
            case referenceModels = "reference_models"
            case targetRecords = "target_records"
            case rmiaOfflineA = "rmia_offline_a"
        }
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: directory.appendingPathComponent("reference_mia.json")))
    }

    func run() async throws -> MembershipResult {
        var config = MembershipProbeConfiguration(attacks: Self.attacks.map(\.0), seed: 1)
        config.suppliedReferences = try ModelLoader().loadReferences(Self.directory)
        return try await MembershipProbe(configuration: config).run(
            model: try FixtureModels.access(Self.name), members: try FixtureModels.data(Self.name, "members"),
            nonMembers: try FixtureModels.data(Self.name, "nonmembers"),
            population: try FixtureModels.data(Self.name, "population"))
    }

    @Test("LiRA and RMIA, online and offline, on the residuals match the numpy reference on the same 16 regressors")
    func matchesPythonReference() async throws {
        let reference = try Self.reference()
        let result = try await run()
        #expect(result.outputKind == .regression)
        #expect(result.memberCount + result.nonMemberCount == reference.targetRecords)
        #expect(result.referenceModelCount == reference.referenceModels)
        #expect(result.referenceOrigin?.contains("loaded from") == true)
        #expect(result.skipped.isEmpty, "\(result.skipped)")
        for (attack, key) in Self.attacks {
            let r = try #require(reference.attacks[key])
            let a = try #require(result.result(for: attack), "\(key) did not run")
            // AUCs lie in [0, 1]: 0.01 absolute is 1 % of the scale.
            #expect(abs(a.metrics.auc - r.auc) <= 0.01, "\(key): AUC \(a.metrics.auc) vs numpy \(r.auc)")
            let tpr = try #require(a.metrics.lowFPR.first { abs($0.targetFPR - 0.01) < 1e-9 }).tpr.estimate
            // 150 members: 0.02 is 3 members at a threshold allowing 1 false positive.
            #expect(abs(tpr - r.tpr) <= 0.02, "\(key): TPR at 1 % FPR \(tpr) vs numpy \(r.tpr)")
            #expect(a.notes.contains { $0.contains("Pr(x|θ) = exp(−mean_j r_j² / (2 s_j²))") }, "\(a.notes)")
        }
        // Supplied references: Carlini's fixed variance (16 < 64 models) with σ_in and σ_out pooled separately.
        for attack in [MembershipAttack.liraOnline, .liraOffline] {
            let notes = try #require(result.result(for: attack)).notes
            #expect(notes.contains { $0.contains("σ_in and σ_out each pooled") }, "\(notes)")
        }
        let offline = try #require(result.result(for: .rmiaOffline))
        #expect(offline.notes.contains { $0.contains("a = \(reference.rmiaOfflineA),") }, "\(offline.notes)")
        // z is the whole population: supplied references need no top-up rows.
        let populationRows = try FixtureModels.data(Self.name, "population").count
        #expect(offline.notes.contains { $0.contains("z: \(populationRows) population records") }, "\(offline.notes)")
    }
}
