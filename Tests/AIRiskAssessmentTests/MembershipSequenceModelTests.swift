import AIRiskAccess
import AIRiskData
import AIRiskONNX
import AIRiskProbes
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

/// Membership inference on recurrent models exported by PyTorch's default exporter (scripts/make_sequence_fixtures.py):
/// an LSTM answering digit-class probabilities at each of 8 steps, and a GRU forecasting 6 air-quality channels from
/// 12 hours. The figures are compared with the script's numpy reference on onnxruntime's answers (reference.json).
@Suite("Membership: PyTorch sequence models")
struct MembershipSequenceModelTests {
    static let directory = FixtureModels.directory.appendingPathComponent("sequence")

    struct Reference: Decodable {
        struct LSTM: Decodable {
            var auc_per_step: [Double]
            var auc_final_step: Double
            var member_accuracy_per_step: [Double]
            var non_member_accuracy_per_step: [Double]
        }
        struct GRU: Decodable {
            var auc: Double
            var member_mse: Double
            var non_member_mse: Double
        }
        var lstm_digits: LSTM
        var gru_air: GRU
    }

    struct Expected: Decodable {
        struct Model: Decodable {
            var probabilities: [[[Double]]]?
            var prediction: [[Double]]?
        }
        var models: [String: Model]
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: directory.appendingPathComponent("reference.json")))
    }

    @Test("the exported LSTM and GRU answer as onnxruntime does", arguments: ["lstm_digits", "gru_air"])
    func answersLikeOnnxruntime(name: String) async throws {
        let want = try #require(
            try JSONDecoder().decode(
                Expected.self, from: Data(contentsOf: Self.directory.appendingPathComponent("expected.json"))
            )
            .models[name])
        let model = try FixtureModels.access("sequence/" + name)
        let expected = want.probabilities.map { $0.map { $0.flatMap { $0 } } } ?? want.prediction ?? []
        let rows = expected.count
        let d = model.description.featureCount
        let split = name == "lstm_digits" ? "digits" : "air"
        let values = try #require(try FixtureModels.data("sequence/" + split, "nonmembers").features.floats)
        let out = try await model.predict(
            Tensor(shape: [rows] + model.description.inputShape, scalars: Array(values[0..<(rows * d)])))
        #expect(rows == 8 && out.width == expected[0].count)
        for r in 0..<rows {
            for c in 0..<out.width {
                let a = Double(out.scores[r * out.width + c])
                let b = expected[r][c]
                #expect(abs(a - b) <= 1e-5 * max(1, abs(b)), "\(name) row \(r) value \(c): \(a) vs onnxruntime \(b)")
            }
        }
        if name == "lstm_digits" {
            #expect(model.description.outputKind == .sequence && model.description.sequenceLength == 8)
        }
    }

    @Test("the LSTM: the loss attack at every step matches numpy, and the leakiest step is chosen on held-out halves")
    func lstm() async throws {
        let r = try Self.reference().lstm_digits
        let config = MembershipProbeConfiguration(attacks: [.loss, .confidence, .gap], seed: 3)
        let result = try await MembershipProbe(configuration: config).run(
            model: try FixtureModels.access("sequence/lstm_digits"),
            members: try FixtureModels.data("sequence/digits", "members"),
            nonMembers: try FixtureModels.data("sequence/digits", "nonmembers"), population: nil)
        let s = try #require(result.sequence)
        #expect(s.steps == 8 && s.classes == 10 && s.attackedStep == 7)
        for t in 0..<8 {
            // Float32 near-ties in the softmax tail move an AUC by up to 0.0096 between engines (reference.json's
            // rounding sensitivity).
            #expect(
                abs(s.perStepLossAUC[t] - r.auc_per_step[t]) <= 0.01,
                "step \(t): \(s.perStepLossAUC[t]) vs \(r.auc_per_step[t])")
            #expect(abs(s.memberAccuracy[t] - r.member_accuracy_per_step[t]) < 1e-9)
            #expect(abs(s.nonMemberAccuracy[t] - r.non_member_accuracy_per_step[t]) < 1e-9)
        }
        let loss = try #require(result.result(for: .loss))
        #expect(abs(loss.metrics.auc - r.auc_final_step) <= 0.01)
        // An earlier step leaks at least as much as the last (seed 004's observation, here for membership).
        #expect((s.perStepLossAUC.max() ?? 0) > s.perStepLossAUC[7])
        let leakiest = try #require(result.result(for: .leakiestStepLoss))
        #expect(leakiest.metrics.auc > 0.65)
        #expect(s.chosenSteps.allSatisfy { (3...7).contains($0) }, "\(s.chosenSteps)")
        #expect(abs(result.memberAccuracy - 1) < 1e-9 && abs(result.nonMemberAccuracy - 0.676) < 1e-9)
    }

    @Test("the GRU with six regression outputs: the loss attack matches numpy; LiRA and RMIA run on the residuals")
    func gru() async throws {
        let r = try Self.reference().gru_air
        let model = try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: FixtureModels.url("sequence/gru_air", ".onnx")), name: "gru_air",
            outputKind: .regression)
        #expect(model.description.outputWidth == 6 && model.description.inputShape == [12, 6])
        var config = MembershipProbeConfiguration(
            attacks: [.squaredError, .liraOffline, .liraOnline, .rmiaOffline, .rmiaOnline], seed: 4)
        config.referenceModelCount = 4
        config.epochs = 40
        let result = try await MembershipProbe(configuration: config).run(
            model: model, members: try FixtureModels.data("sequence/air", "members"),
            nonMembers: try FixtureModels.data("sequence/air", "nonmembers"),
            population: try FixtureModels.data("sequence/air", "population"))
        let loss = try #require(result.result(for: .squaredError))
        #expect(abs(loss.metrics.auc - r.auc) <= 0.01, "\(loss.metrics.auc) vs numpy \(r.auc)")
        let e = try #require(result.regressionError)
        #expect(e.outputCount == 6)
        #expect(abs(e.memberMSE - r.member_mse) <= 1e-4 * r.member_mse)
        #expect(abs(e.nonMemberMSE - r.non_member_mse) <= 1e-4 * r.non_member_mse)
        #expect(result.attacks.count == 5 && result.referenceModelCount == 4)
        // Every attack tells the overfit GRU's members from chance (95 % interval above 0.5), even LiRA with only 4
        // short-trained reference regressors on the flattened windows.
        for a in result.attacks {
            let ci = AUCInterval.hanleyMcNeil(auc: a.metrics.auc, positives: 200, negatives: 250)
            #expect(ci.lower > 0.5, "\(a.name): \(a.metrics.auc) \(ci)")
        }
    }
}
