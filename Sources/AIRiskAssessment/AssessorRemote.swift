import AIRiskAccess
import AIRiskData
import AIRiskEndpoint
import AIRiskResults
import AIRiskTensor
import Foundation

/// An endpoint or command model connected for an assessment, and how it is recorded.
struct RemoteModel {
    var access: EndpointModelAccess
    var identity: ModelIdentity
    var usage: @Sendable () -> [Budget]
}

extension Assessor {
    /// Loads a file model, or connects to an endpoint or command, then loads the data.
    func loadModelAndData(_ plan: AssessmentPlan) async throws -> Inputs {
        switch plan.source {
        case .file:
            return try load(plan)
        case .endpoint(let c), .command(let c):
            let remote = try await connect(plan, configuration: c)
            return try load(plan, remote: remote)
        }
    }

    /// Connects with a few non-member rows as the set-up query (they also give the row shape).
    func connect(_ plan: AssessmentPlan, configuration: EndpointConfiguration) async throws -> RemoteModel {
        var c = configuration
        if c.name == nil { c.name = plan.modelName }
        if c.inputShape == nil { c.inputShape = plan.inputShape }
        if c.limits.seed == 0 { c.limits.seed = plan.seed }
        let ds = try DatasetLoader.load(
            url: plan.nonMembers.url, labelColumn: plan.nonMembers.labelColumn, labelsURL: plan.nonMembers.labelsURL,
            missingValues: plan.missingValues)
        if c.classCount == nil, let labels = ds.classLabels, let top = labels.max() {
            // A labels-only endpoint does not show its class count; the labelled data does.
            let members = try DatasetLoader.load(
                url: plan.members.url, labelColumn: plan.members.labelColumn, labelsURL: plan.members.labelsURL,
                missingValues: plan.missingValues)
            c.classCount = max(top, members.classLabels?.max() ?? 0) + 1
        }
        let rows = min(ds.rowCount, EndpointModelAccess.setupRowCount)
        var sample: Tensor?
        if rows > 0, let values = ds.features.floats {
            let shape = c.inputShape ?? ds.rowShape
            let width = shape.reduce(1, *)
            if width == ds.rowShape.reduce(1, *) {
                sample = Tensor(shape: [rows] + shape, scalars: Array(values[0..<(rows * width)]))
            }
        }
        let isCommand: Bool
        switch c.target {
        case .http(let url):
            isCommand = false
            progress("connecting to \(c.redacting(ModelIdentity.redactedURL(url)))")
        case .command(let line):
            isCommand = true
            progress("starting \(line)")
        }
        let access = try await EndpointModelAccess.connect(c, sampleRows: sample)
        let desc = access.description
        for note in access.notes { progress(note) }
        let location: String
        switch c.target {
        case .http(let url): location = c.redacting(ModelIdentity.redactedURL(url))
        case .command(let line): location = line
        }
        let identity = ModelIdentity(
            name: desc.name, sourceKind: isCommand ? .command : .endpoint, location: location, sha256: nil,
            producer: "\(c.wireProtocol.rawValue) \(isCommand ? "command" : "endpoint")",
            inputShape: [nil] + desc.inputShape.map { Optional($0) }, outputKind: desc.outputKind.rawValue,
            accessLevel: desc.accessLevel.rawValue)
        return RemoteModel(access: access, identity: identity) { [access] in
            let u = access.usage
            var b = [
                Budget(name: "endpoint.rows_sent", value: Double(u.rows)),
                Budget(name: "endpoint.setup_rows", value: Double(u.setupRows)),
                Budget(name: "endpoint.requests", value: Double(u.requests)),
                Budget(name: "endpoint.retries", value: Double(u.retries)),
            ]
            if let m = u.maxRows { b.append(Budget(name: "endpoint.max_rows", value: Double(m))) }
            return b
        }
    }

    /// Identity for a model that is neither an ONNX file nor a connected endpoint (not reached today).
    static func unknownIdentity(_ desc: ModelDescription) -> ModelIdentity {
        ModelIdentity(
            name: desc.name, sourceKind: .endpoint, location: desc.name, outputKind: desc.outputKind.rawValue,
            accessLevel: desc.accessLevel.rawValue)
    }
}
