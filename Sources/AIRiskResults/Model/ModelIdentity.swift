import AIRiskSupport
import Foundation

/// What model was assessed, identified well enough to tell two versions apart.
package struct ModelIdentity: Sendable, Equatable, Codable {
    /// Display name (file name or endpoint model name).
    package var name: String
    package var sourceKind: ModelSourceKind
    /// File path, endpoint URL (never with credentials; see ``redactedURL(_:)``) or command line.
    package var location: String
    /// SHA-256 of the model file, lowercase hex; nil for endpoints.
    package var sha256: String?
    /// The producer recorded in the model (e.g. "skl2onnx 1.17.0").
    package var producer: String?
    /// The default-domain ONNX opset.
    package var opset: Int?
    /// The operator types the model uses, in the order the caller gives.
    package var operators: [String]
    /// One input row's shape without the batch dimension; nil entries are dynamic.
    package var inputShape: [Int?]
    /// What the model returns per row: probabilities, logits, labels, regression, sequence.
    package var outputKind: String
    /// The strongest access the assessment had: white-box, scores or labels-only.
    package var accessLevel: String

    package init(
        name: String, sourceKind: ModelSourceKind, location: String, sha256: String? = nil, producer: String? = nil,
        opset: Int? = nil, operators: [String] = [], inputShape: [Int?] = [], outputKind: String, accessLevel: String
    ) {
        self.name = name
        self.sourceKind = sourceKind
        self.location = location
        self.sha256 = sha256
        self.producer = producer
        self.opset = opset
        self.operators = operators
        self.inputShape = inputShape
        self.outputKind = outputKind
        self.accessLevel = accessLevel
    }

    /// `url` without its user name, password and fragment, and with every query value masked (`REDACTED`) unless
    /// ``URLRedaction`` shows it, for recording an endpoint.
    package static func redactedURL(_ url: String) -> String {
        URLRedaction.redact(url, mask: "REDACTED")
    }
}
