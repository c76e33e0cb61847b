import AIRiskAccess
import AIRiskAssessment
import AIRiskCatalog
import AIRiskProbes
import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@Suite("DP-SGD and its accountant")
struct DPSGDTests {
    @Test("the RDP accountant reproduces the Gaussian mechanism and Abadi et al.'s MNIST setting")
    func accountant() throws {
        let full = RDPAccountant(samplingRate: 1, noiseMultiplier: 2, steps: 1)
        for a in [2, 5, 32] { #expect(abs(full.stepRDP(order: a) - Double(a) / 8) < 1e-12) }
        // q = 256 / 60 000, σ = 1.1, 60 epochs, δ = 1e-5: ε ≈ 2.9 (TensorFlow Privacy's tutorial figure).
        let mnist = RDPAccountant(samplingRate: 256.0 / 60_000, noiseMultiplier: 1.1, steps: 60 * 60_000 / 256)
        let eps = mnist.epsilon(delta: 1e-5)
        #expect(eps > 2.6 && eps < 3.3, "ε = \(eps)")
        let noisier = RDPAccountant(samplingRate: 256.0 / 60_000, noiseMultiplier: 2, steps: 60 * 60_000 / 256)
        #expect(noisier.epsilon(delta: 1e-5) < eps)
        let sigma = try #require(
            RDPAccountant.noiseMultiplier(forEpsilon: 1, delta: 1e-5, samplingRate: 0.01, steps: 1000))
        let reached = RDPAccountant(samplingRate: 0.01, noiseMultiplier: sigma, steps: 1000).epsilon(delta: 1e-5)
        #expect(reached <= 1 && reached > 0.9)
    }

    @Test("DP-SGD without noise learns the digits; with noise it still beats chance")
    func trainer() async throws {
        let members = try FixtureModels.data("softmax_digits", "members")
        let nonMembers = try FixtureModels.data("softmax_digits", "nonmembers")
        func accuracy(_ t: DPSGDTrainer) async throws -> Double {
            let model = try await t.train(members, classCount: 10, seed: 5)
            let out = try await model.predict(nonMembers.features)
            return Double(zip(out.labels, nonMembers.labels).filter { $0 == $1 }.count) / Double(nonMembers.count)
        }
        let clean = try await accuracy(DPSGDTrainer(hiddenSizes: [], epochs: 30, clipNorm: 1e6, noiseMultiplier: 0))
        #expect(clean > 0.85, "accuracy \(clean)")
        let noisy = try await accuracy(DPSGDTrainer(hiddenSizes: [], epochs: 30, clipNorm: 1, noiseMultiplier: 2))
        #expect(noisy > 0.3, "accuracy \(noisy)")
    }

    @Test("DP-SGD at small ε lowers LiRA's TPR at 1 % FPR on a retrain of the overfit MLP, said to be a retrain")
    func whatIf() async throws {
        let assessor = Assessor(catalog: try Catalog.bundled(), clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        var plan = fixturePlan("mlp_digits_overfit", probes: [.membership])
        // The standard profile runs LiRA (online and offline, 16 reference models) against both retrains.
        plan.defenseProfile = .standard
        plan.defenses = [.dpSGD(epsilon: 1)]
        let results = try await assessor.run(plan)
        let dp = try #require(results.defenses.first { $0.name.hasSuffix("(dp-sgd:1)") })
        #expect(dp.id == "def.differential-privacy" && dp.evidence == .measured)
        #expect(dp.notes?.contains("retrain, not the deployed model") == true)
        #expect(dp.notes?.contains("RDP accountant") == true)
        let lira = try #require(
            dp.measurements.first { $0.probeID == "membership" && $0.metric == "LiRA online TPR at 1 % FPR" })
        // At 1 % FPR a blind guess finds 1 % of the members; LiRA does better on the plain retrain.
        #expect(lira.before > 0.01, "LiRA finds members of the plain retrain at 1 % FPR (\(lira.before))")
        #expect(lira.after < lira.before, "LiRA TPR at 1 % FPR \(lira.before) → \(lira.after)")
        let auc = try #require(dp.measurements.first { $0.probeID == "membership" && $0.metric == "Attack AUC" })
        #expect(auc.after < auc.before, "AUC \(auc.before) → \(auc.after)")
        let utility = try #require(dp.measurements.first { $0.probeID == "utility" })
        #expect(utility.before > 0.8 && utility.after > 0.1, "accuracy \(utility.before) → \(utility.after)")
        _ = try ResultsDocument.data(for: results)
    }
}
