import AIRiskAccess
import AIRiskAssessment
import AIRiskData
import AIRiskONNX
import AIRiskResults
import Foundation

/// Turns where a model is (an ONNX file, an HTTP endpoint, a command) into a ``ResolvedModel``: its
/// access, its identity for the results, and its architecture when the graph shows one.
///
/// The one place that knows the kinds of model: `assess`, `demo`, `inspect` and `predict` all load
/// through it, and the assessment only sees the resolved model.
package struct ModelLoader: Sendable {
    /// Receives one line per loading step ("loading digits.onnx", "connecting to …").
    package var progress: @Sendable (String) -> Void

    package init(progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.progress = progress
    }

    /// The model of `plan` at `source` (the plan's model file when nil), restricted to the plan's access
    /// level. Endpoints and commands are connected with a few non-member rows as the set-up query.
    /// The plan's reference models (``AssessmentPlan/referenceModels``) are read too.
    package func resolve(_ source: ModelSource? = nil, for plan: AssessmentPlan) async throws -> ResolvedModel {
        var resolved: ResolvedModel
        switch source ?? .file(plan.modelURL) {
        case .file(let url):
            resolved = try resolveFile(url, name: plan.modelName, inputShape: plan.inputShape, access: plan.access)
        case .endpoint(let c), .command(let c):
            resolved = try await connect(plan, configuration: c)
        }
        if let directory = plan.referenceModels {
            resolved.references = try loadReferences(directory, inputShape: plan.inputShape)
        } else if let command = plan.referenceCommand {
            resolved.references = try await trainReferences(command, for: plan, target: resolved.access.description)
        }
        return resolved
    }

    /// An ONNX file: white-box access (or the `access` a deployment exposes), its SHA-256 and producer, and
    /// the layer sizes when the graph is a plain MLP or logistic model. With `hashing` false the identity has
    /// no SHA-256 (`predict` and `bench`, which only run the model, skip reading the whole file once more).
    package func resolveFile(
        _ url: URL, name: String? = nil, inputShape: [Int]? = nil, access level: AccessLevel? = nil,
        hashing: Bool = true
    ) throws -> ResolvedModel {
        progress("loading \(url.lastPathComponent)")
        let onnx = try openFile(url)
        let name = name ?? url.lastPathComponent
        let file = try access(onnx, name: name, inputShape: inputShape)
        if !file.reducedPrecisionNodes.isEmpty {
            progress(
                "warning: \(name): the operators \(file.reducedPrecisionNodes.joined(separator: ", ")) receive float64 "
                    + "values but airisk computes them in float32; a value within float32 rounding of a decision "
                    + "threshold can be answered differently than by onnxruntime (cast those columns to float32 "
                    + "before training and export to avoid it)")
        }
        let access: any ModelAccess =
            switch level {
            case nil, .whiteBox?: file
            case .scores?: ScoresOnlyModel(file)
            case .labelsOnly?: LabelsOnlyModel(file)
            }
        let desc = access.description
        let identity = ModelIdentity(
            name: name, sourceKind: .file, location: url.path, sha256: hashing ? try SHA256.hex(contentsOf: url) : nil,
            producer: [onnx.producerName, onnx.producerVersion].filter { !$0.isEmpty }.joined(separator: " "),
            opset: onnx.opsetImports[""] ?? onnx.opsetImports["ai.onnx"],
            operators: onnx.operators.map { ($0.domain.isEmpty ? "" : $0.domain + "::") + $0.opType },
            inputShape: [nil] + desc.inputShape.map { Optional($0) }, outputKind: desc.outputKind.rawValue,
            accessLevel: desc.accessLevel.rawValue)
        return ResolvedModel(
            access: access, identity: identity, architecture: ONNXArchitecture.read(onnx),
            storedRows: StoredRowTables.read(onnx, width: desc.featureCount))
    }

    /// Reads an ONNX file; with `checkOperators` false, a graph with operators the engine lacks still loads
    /// (for `inspect`, which lists them).
    package func openFile(_ url: URL, checkOperators: Bool = true) throws -> ONNXModel {
        try ONNXModel.load(contentsOf: url, checkOperators: checkOperators)
    }

    /// The engine's access to a loaded ONNX model: which output holds the scores, the row shape, and whether
    /// input gradients are available.
    package func access(_ model: ONNXModel, name: String, inputShape: [Int]? = nil) throws -> ONNXModelAccess {
        try ONNXModelAccess(model: model, name: name, inputShape: inputShape)
    }
}
