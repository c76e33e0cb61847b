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
            missingValues: plan.missingValues ?? .reject)
        if c.classCount == nil, let labels = ds.classLabels, let top = labels.max() {
            // A labels-only endpoint does not show its class count; the labelled data does.
            let members = try DatasetLoader.load(
                url: plan.members.url, labelColumn: plan.members.labelColumn, labelsURL: plan.members.labelsURL,
                missingValues: plan.missingValues ?? .reject)
            c.classCount = max(top, members.classLabels?.max() ?? 0) + 1
        }
        return try await connect(c, sampleRows: Self.setupRows(ds, shape: c.inputShape))
    }

    /// Connects to the endpoint or command of `configuration`, sending `sampleRows` (or one zero row) as the
    /// set-up query that decides the access level. `assess` (through ``resolve(_:for:)``) and
    /// `endpoint-check` connect this way; the set-up notes go to ``progress``.
    package func connect(_ configuration: EndpointConfiguration, sampleRows: Tensor?) async throws -> ResolvedModel {
        let c = configuration
        let isCommand: Bool
        switch c.target {
        case .http(let url):
            isCommand = false
            progress("connecting to \(c.redacting(ModelIdentity.redactedURL(url)))")
        case .command(let line):
            isCommand = true
            progress("starting \(line)")
        }
        let access = try await EndpointModelAccess.connect(c, sampleRows: sampleRows)
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

    /// The first ``EndpointModelAccess/setupRowCount`` rows of `data` shaped as `shape` (the data's own row
    /// shape when nil), or nil when the data has no numeric rows or a different row width.
    package static func setupRows(_ data: Dataset, shape: [Int]?) -> Tensor? {
        let rows = min(data.rowCount, EndpointModelAccess.setupRowCount)
        guard rows > 0, let values = data.features.floats else { return nil }
        let shape = shape ?? data.rowShape
        let width = shape.reduce(1, *)
        guard width == data.rowShape.reduce(1, *) else { return nil }
        return Tensor(shape: [rows] + shape, scalars: Array(values[0..<(rows * width)]))
    }
}
