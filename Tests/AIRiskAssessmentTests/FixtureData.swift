import AIRiskAccess
import AIRiskData
import AIRiskONNX
import AIRiskProbes
import AIRiskTensor
import Foundation

/// The scikit-learn fixtures (scripts/make_fixtures.py) as the probes take them.
enum FixtureData {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/models")

    static func model(_ name: String) throws -> ONNXModelAccess {
        try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: directory.appendingPathComponent("\(name).onnx")), name: name)
    }

    static func data(_ name: String, _ role: String) throws -> LabeledData {
        let ds = try DatasetLoader.load(url: directory.appendingPathComponent("\(name).\(role).npz"))
        if let labels = ds.classLabels { return try LabeledData(features: ds.features, labels: labels) }
        return try LabeledData(features: ds.features, labels: [], targets: ds.labels?.floats)
    }

    /// reference.json's membership numbers: model → attack → (auc, tpr at 1 % fpr).
    static func membershipReference() throws -> [String: [String: (auc: Double, tpr: Double)]] {
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("reference.json")))
        guard let root = json as? [String: Any], let mi = root["membership_inference"] as? [String: Any],
            let models = mi["models"] as? [String: [String: [String: Double]]]
        else { throw CocoaError(.fileReadCorruptFile) }
        return models.mapValues { attacks in
            attacks.mapValues { (auc: $0["auc"] ?? .nan, tpr: $0["tpr_at_fpr_0.01"] ?? .nan) }
        }
    }
}
