import AIRiskAccess
import AIRiskData
import AIRiskONNX
import AIRiskProbes
import AIRiskTensor
import Foundation

/// The scikit-learn fixture models of `Tests/Fixtures/models` that scripts/make_fixtures.py exports: the ONNX
/// files, their data splits, onnxruntime's outputs on a sample of rows and `reference.json`.
package enum FixtureModels {
    package static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/models")

    package static let classifiers = [
        "logreg_breast_cancer", "softmax_digits", "mlp_digits_overfit", "mlp_digits_regularised",
        "random_forest_digits",
    ]
    package static let regressors = ["mlp_regressor_diabetes"]
    package static let all = classifiers + regressors

    package static func url(_ name: String, _ suffix: String) -> URL {
        directory.appendingPathComponent(name + suffix)
    }

    /// The model `name.onnx` behind the model-access protocol.
    package static func access(_ name: String) throws -> ONNXModelAccess {
        try ONNXModelAccess(model: ONNXModel.load(contentsOf: url(name, ".onnx")), name: name)
    }

    /// onnxruntime's outputs on a sample of rows (`name.expected.npz`).
    package static func expected(_ name: String) throws -> [String: Tensor] {
        try NPZArchive(contentsOf: url(name, ".expected.npz")).arrays()
    }

    /// An inversion run's data: the members, the non-members, the attacker's public data (non-members and
    /// population) and the feature range over all of them.
    package static func inversionData(
        _ name: String
    ) throws -> (members: LabeledData, nonMembers: LabeledData, publicData: LabeledData, range: FeatureRange) {
        let members = try data(name, "members")
        let nonMembers = try data(name, "nonmembers")
        let publicData = try nonMembers.appending(try data(name, "population"))
        return (
            members, nonMembers, publicData, try FeatureRange(observing: try members.appending(publicData).features)
        )
    }

    /// One split (`members`, `nonmembers`, `population`) as the probes take it.
    package static func data(_ name: String, _ role: String) throws -> LabeledData {
        let ds = try DatasetLoader.load(url: url(name, ".\(role).npz"))
        if let labels = ds.classLabels { return try LabeledData(features: ds.features, labels: labels) }
        return try LabeledData(features: ds.features, labels: [], targets: ds.labels?.floats)
    }

    /// reference.json's membership numbers: model → attack → (auc, tpr at 1 % fpr).
    package static func membershipReference() throws -> [String: [String: (auc: Double, tpr: Double)]] {
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
