import AIRiskAccess
import AIRiskSupport
import Foundation

/// Where a live model is and how to talk to it.
package struct EndpointConfiguration: Sendable {
    /// The model's location.
    package enum Target: Sendable, Equatable {
        /// An HTTP(S) prediction URL, e.g. `http://host:8080/v2/models/NAME/infer`.
        case http(url: String)
        /// A command line started once and spoken to in JSON lines over stdin/stdout
        /// (`{"instances": rows}` per line in, `{"predictions": …}` per line out).
        case command(String)
    }

    package var target: Target
    package var wireProtocol: EndpointProtocol
    /// KServe V2: the input tensor's name (default: from the model metadata, else `input-0`).
    package var inputName: String?
    /// The output to read: a KServe V2 output tensor (e.g. MLServer's `predict_proba`) or a member
    /// of each prediction object in the row format.
    package var outputName: String?
    /// Row format: the request key holding the rows.
    package var instancesKey: String
    /// Row format: the response key holding the answers.
    package var predictionsKey: String
    /// Headers whose values come from the environment or a file (credentials).
    package var headers: [HeaderCredential]
    package var limits: EndpointLimits
    /// Optional JSON-lines audit log of every request and response.
    package var queryLog: URL?
    /// Display name; by default the KServe model name, else the host or the command's program.
    package var name: String?
    /// One input row's shape; by default from the metadata or the sample rows.
    package var inputShape: [Int]?
    /// What the answers are, overriding the guess made from the set-up rows.
    package var outputKind: OutputKind?
    /// Number of classes, for an endpoint that answers labels only (its answers cannot show it);
    /// ``ModelDescription/outputWidth`` reports it, as for a labels-only view of a local model.
    package var classCount: Int?

    package init(
        target: Target, wireProtocol: EndpointProtocol = .instances, inputName: String? = nil,
        outputName: String? = nil, instancesKey: String = "instances", predictionsKey: String = "predictions",
        headers: [HeaderCredential] = [], limits: EndpointLimits = EndpointLimits(), queryLog: URL? = nil,
        name: String? = nil, inputShape: [Int]? = nil, outputKind: OutputKind? = nil, classCount: Int? = nil
    ) {
        self.target = target
        self.wireProtocol = wireProtocol
        self.inputName = inputName
        self.outputName = outputName
        self.instancesKey = instancesKey
        self.predictionsKey = predictionsKey
        self.headers = headers
        self.limits = limits
        self.queryLog = queryLog
        self.name = name
        self.inputShape = inputShape
        self.outputKind = outputKind
        self.classCount = classCount
    }
}

extension EndpointConfiguration {
    /// The credentials this configuration sends: every header value, and every query value the URL shows masked
    /// (``URLRedaction``). Headers that cannot be resolved are left out (connecting reports them).
    func secrets(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var secrets = headers.compactMap { try? $0.resolve(environment: environment) }
        if case .http(let u) = target { secrets += URLRedaction.hiddenQueryValues(u) }
        return secrets
    }

    /// `text` (an endpoint URL as recorded, a message) with every credential of this configuration masked in
    /// any spelling (see the redactor), so a key written into the URL path (`/v1/KEY/predict`, the same key sent
    /// in a header) is masked there as query keys are.
    package func redacting(_ text: String) -> String { Redactor(secrets: secrets())(text) }
}
