import AIRiskAccess
import AIRiskData
import AIRiskONNX
import AIRiskTensor
import Foundation

/// The scikit-learn fixture models that scripts/make_fixtures.py exports, with onnxruntime's
/// outputs on a sample of rows.
enum FixtureModels {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/models")

    static let classifiers = [
        "logreg_breast_cancer", "softmax_digits", "mlp_digits_overfit", "mlp_digits_regularised",
        "random_forest_digits",
    ]
    static let regressors = ["mlp_regressor_diabetes"]
    static let all = classifiers + regressors

    static func url(_ name: String, _ suffix: String) -> URL {
        directory.appendingPathComponent(name + suffix)
    }

    static func access(_ name: String) throws -> ONNXModelAccess {
        try ONNXModelAccess(model: ONNXModel.load(contentsOf: url(name, ".onnx")), name: name)
    }

    static func expected(_ name: String) throws -> [String: Tensor] {
        try NPZArchive(contentsOf: url(name, ".expected.npz")).arrays()
    }
}
