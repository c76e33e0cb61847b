import AIRiskAccess
import AIRiskAssessment
import AIRiskData
import AIRiskEndpoint
import AIRiskResults
import AIRiskTensor
import Foundation

extension ModelLoader {
    /// Connects to an endpoint or command with a few non-member rows of `plan` as the set-up query (they also
    /// give the row shape); the resolved model reports the rows and requests it used.
    func connect(_ plan: AssessmentPlan, configuration: EndpointConfiguration) async throws -> ResolvedModel {
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
            progress("connecting to \(ModelIdentity.redactedURL(url))")
        case .command(let line):
            isCommand = true
            progress("starting \(line)")
        }
        let access = try await EndpointModelAccess.connect(c, sampleRows: sample)
        let desc = access.description
        for note in access.notes { progress(note) }
        let location: String
        switch c.target {
        case .http(let url): location = ModelIdentity.redactedURL(url)
        case .command(let line): location = line
        }
        let identity = ModelIdentity(
            name: desc.name, sourceKind: isCommand ? .command : .endpoint, location: location, sha256: nil,
            producer: "\(c.wireProtocol.rawValue) \(isCommand ? "command" : "endpoint")",
            inputShape: [nil] + desc.inputShape.map { Optional($0) }, outputKind: desc.outputKind.rawValue,
            accessLevel: desc.accessLevel.rawValue)
        return ResolvedModel(access: access, identity: identity) { [access] in
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
}
