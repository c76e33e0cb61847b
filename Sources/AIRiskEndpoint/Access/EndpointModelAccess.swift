import AIRiskAccess
import AIRiskSupport
import AIRiskTensor
import Foundation
import Synchronization

/// A model reached only through its prediction interface: an HTTP endpoint (KServe V2 or the
/// `instances` row format) or a command speaking JSON lines.
///
/// ``connect(_:sampleRows:)`` reads the KServe metadata when there is any, then sends a few
/// set-up rows: what comes back decides the access level (probabilities, logits, a regression
/// value or labels only), so probes adapt to what the deployment really returns. Set-up rows are
/// written to the query log and counted in ``usage`` and against ``EndpointLimits/maxRows``, but
/// not against any probe's budget (probes wrap this model in their own ``CountingModel``).
///
/// Every request is batched (``EndpointLimits/batchSize``), limited in concurrency and rate,
/// retried with seeded exponential backoff and jitter on connection errors, timeouts, 429 and 5xx
/// (honouring `Retry-After`), and refused before it is sent when it would pass ``EndpointLimits/maxRows``.
package final class EndpointModelAccess: ModelAccess {
    package let description: ModelDescription
    /// The URL without credentials, or the command line.
    package let location: String
    /// Whether the target is a command rather than an HTTP endpoint.
    package let isCommand: Bool
    /// What the set-up learned (metadata read, output chosen), for the report's notes.
    package let notes: [String]

    let session: EndpointSession

    private init(description: ModelDescription, session: EndpointSession, notes: [String]) {
        self.description = description
        self.session = session
        self.location = session.transport.location
        self.isCommand = session.transport is CommandTransport
        self.notes = notes
    }

    /// Rows, requests and retries so far.
    package var usage: EndpointUsage { session.usage.withLock { $0 } }

    /// Stops a command model and closes the query log. Also happens when the value is released.
    package func close() {
        session.transport.close()
        session.log?.close()
    }

    deinit { close() }

    /// Connects to the model and learns its answer format. `sampleRows` (a batch of real input
    /// rows) supplies the row shape when neither the configuration nor the metadata does, and up
    /// to ``setupRowCount`` of them are sent as the set-up query; without them one zero row is sent.
    package static func connect(_ configuration: EndpointConfiguration, sampleRows: Tensor? = nil) async throws
        -> EndpointModelAccess
    {
        try configuration.limits.validate()
        var headers: [(String, String)] = []
        for h in configuration.headers { headers.append((h.name, try h.resolve())) }
        // Header values, and query values not shown in the URL, wherever the server (or the URL's path) shows them.
        let redactor = Redactor(secrets: configuration.secrets())
        let transport: any PredictionTransport
        var limits = configuration.limits
        var url: String?
        switch configuration.target {
        case .http(let u):
            url = u
            transport = try HTTPTransport(url: u, headers: headers, location: redactor(URLRedaction.redact(u)))
        case .command(let line):
            transport = try CommandTransport(commandLine: line)
            limits.concurrency = 1
        }
        let log = try configuration.queryLog.map {
            try QueryLog(url: $0, redactor: redactor, headerNames: configuration.headers.map(\.name))
        }
        var notes: [String] = []

        // KServe V2 metadata: GET /v2/models/NAME (the infer URL without /infer).
        var metadata: KServeMetadata?
        if configuration.wireProtocol == .kserveV2, let url, url.hasSuffix("/infer") {
            let metaURL = String(url.dropLast("/infer".count))
            let started = Date()
            do {
                if let r = try await transport.metadata(url: metaURL, timeout: limits.timeout) {
                    log?.record(
                        .init(
                            time: started, kind: "metadata", target: URLRedaction.redact(metaURL), attempt: 1, rows: 0,
                            requestBytes: 0, status: r.status, latencySeconds: Date().timeIntervalSince(started),
                            responseBytes: r.body.count, outcome: r.status == 200 ? "ok" : "ignored", detail: nil))
                    if r.status == 200, let m = KServeMetadata(json: r.body) {
                        metadata = m
                        notes.append("read the model metadata at \(URLRedaction.redact(metaURL))")
                    }
                }
            } catch {
                log?.record(
                    .init(
                        time: started, kind: "metadata", target: URLRedaction.redact(metaURL), attempt: 1, rows: 0,
                        requestBytes: 0, status: nil, latencySeconds: Date().timeIntervalSince(started),
                        responseBytes: 0, outcome: "ignored", detail: error.message))
            }
        }

        // The row shape.
        var rowShape: [Int]
        if let s = configuration.inputShape {
            rowShape = s
        } else if let s = metadata?.rowShape {
            rowShape = s
        } else if let sampleRows, sampleRows.shape.count >= 2 {
            rowShape = Array(sampleRows.shape.dropFirst())
        } else {
            throw EndpointError.badOption(
                option: "--input-shape", value: "(not given)",
                requirement: "the shape of one input row is unknown (no metadata, no sample rows); pass it")
        }
        guard !rowShape.isEmpty, rowShape.allSatisfy({ $0 > 0 }) else {
            throw EndpointError.badOption(
                option: "--input-shape", value: "\(rowShape)", requirement: "it must be a list of positive sizes")
        }
        guard KServeMetadata.valuesPerRow(rowShape) != nil else {
            throw EndpointError.badOption(
                option: "--input-shape", value: "\(rowShape)",
                requirement: "it has more than \(KServeMetadata.maxRowValues) values per row")
        }

        // Without --output-name, ask for a declared probability output (MLServer's sklearn runtime
        // otherwise answers with `predict` labels only).
        var outputName = configuration.outputName
        if outputName == nil, let p = metadata?.outputs.first(where: { $0.lowercased().contains("prob") }) {
            outputName = p
            notes.append("asked for output '\(p)', declared in the metadata")
        }
        var datatype = "FP32"
        if let d = metadata?.input?.datatype, d == "FP64" || d == "FP32" { datatype = d }
        let codec = PayloadCodec(
            wireProtocol: configuration.wireProtocol,
            inputName: configuration.inputName ?? metadata?.input?.name ?? "input-0", datatype: datatype,
            outputName: outputName, outputRequired: configuration.outputName != nil,
            instancesKey: configuration.instancesKey, predictionsKey: configuration.predictionsKey,
            classCount: configuration.classCount)
        let session = EndpointSession(
            transport: transport, codec: codec, limits: limits, log: log, redactor: redactor, rowShape: rowShape)

        // Set-up query: what comes back decides the access level.
        let width = rowShape.reduce(1, *)
        let setup: [Float]
        let setupRows: Int
        if let sampleRows, Array(sampleRows.shape.dropFirst()) == rowShape, sampleRows.shape[0] > 0,
            let values = sampleRows.floats ?? sampleRows.int64s?.map({ Float($0) })
        {
            setupRows = min(setupRowCount, sampleRows.shape[0])
            setup = Array(values[0..<(setupRows * width)])
        } else {
            setupRows = 1
            setup = [Float](repeating: 0, count: width)
        }
        try session.reserve(rows: setupRows, setup: true)
        let answer = try await session.request(setup[...], rows: setupRows, kind: "setup")
        var (kind, outputWidth) = OutputInterpreter.kind(of: answer)
        notes.append(
            "set-up query of \(setupRows) rows answered with \(Self.describe(answer)): treated as \(kind.rawValue)")
        if let forced = configuration.outputKind, forced != kind {
            if forced == .labels || kind != .labels {
                notes.append("output kind set to \(forced.rawValue) by the configuration")
                kind = forced
            } else {
                throw EndpointError.badOption(
                    option: "--output-kind", value: forced.rawValue,
                    requirement: "the endpoint returns labels only; it cannot be treated as \(forced.rawValue)")
            }
        }
        session.kind = kind
        session.width = outputWidth
        if kind == .labels {
            // Class count of a labels-only view: the score width when scores came back, else as configured.
            outputWidth = outputWidth > 0 ? outputWidth : (configuration.classCount ?? 0)
        }

        // The metadata's names come from the server: masked and made printable like its error bodies.
        let name =
            configuration.name ?? metadata?.name.map { ControlCharacters.escaped(redactor($0)) }
            ?? Self.defaultName(configuration.target)
        notes = notes.map { ControlCharacters.escaped(redactor($0)) }
        let description = ModelDescription(
            name: name, inputShape: rowShape, outputKind: kind, outputWidth: outputWidth,
            providesInputGradients: false)
        return EndpointModelAccess(description: description, session: session, notes: notes)
    }

    /// Rows sent at set-up to learn the answer format.
    package static let setupRowCount = 4

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        guard batch.shape.count == description.inputShape.count + 1,
            Array(batch.shape.dropFirst()) == description.inputShape
        else {
            throw ModelAccessError.badInput(
                model: description.name,
                reason: "batch of shape \(batch.shape) does not match rows of shape \(description.inputShape)")
        }
        guard let values = batch.floats ?? batch.int64s?.map({ Float($0) }) else {
            throw ModelAccessError.badInput(model: description.name, reason: "input must be numeric")
        }
        let rows = batch.shape[0]
        if rows == 0 {
            return ModelOutput(
                kind: description.outputKind, rows: 0, scores: [], width: description.outputWidth, labels: [])
        }
        try session.reserve(rows: rows, setup: false)
        let answers = try await session.predict(values, rows: rows)
        return try output(answers, rows: rows)
    }

    private func output(_ answers: [Answer], rows: Int) throws -> ModelOutput {
        let kind = description.outputKind
        var scores: [Float] = []
        var labels: [Int] = []
        for a in answers {
            switch a {
            case .labels(let l):
                guard kind == .labels else {
                    throw EndpointError.badResponse(.labelsAfterScores)
                }
                labels += l
            case .scores(let v, let w):
                guard w == session.width || kind == .labels else {
                    throw EndpointError.badResponse(.widthChanged(width: w, atSetUp: session.width))
                }
                if kind == .labels {
                    labels += Self.argmax(v, width: w)
                } else {
                    scores += v
                    if kind != .regression { labels += Self.argmax(v, width: w) }
                }
            }
        }
        if kind == .labels { return ModelOutput(kind: .labels, rows: rows, scores: [], width: 0, labels: labels) }
        return ModelOutput(kind: kind, rows: rows, scores: scores, width: session.width, labels: labels)
    }

    static func argmax(_ v: [Float], width: Int) -> [Int] {
        guard width > 0 else { return [] }
        return stride(from: 0, to: v.count, by: width).map { base in
            var best = 0
            for j in 1..<width where v[base + j] > v[base + best] { best = j }
            return best
        }
    }

    static func describe(_ a: Answer) -> String {
        switch a {
        case .labels: "integer labels"
        case .scores(_, let w): "\(w) number\(w == 1 ? "" : "s") per row"
        }
    }

    static func defaultName(_ target: EndpointConfiguration.Target) -> String {
        switch target {
        case .http(let url):
            let parts = URL(string: url)?.pathComponents ?? []
            if let i = parts.firstIndex(of: "models"), i + 1 < parts.count { return parts[i + 1] }
            return URL(string: url)?.host ?? "endpoint"
        case .command(let line):
            // The program, or the script an interpreter runs.
            let interpreters: Set<String> = [
                "python", "python3", "node", "sh", "bash", "ruby", "perl", "Rscript", "env",
            ]
            let words = line.split(separator: " ").map { String($0.split(separator: "/").last ?? $0) }
            return words.first { !interpreters.contains($0) && !$0.hasPrefix("-") } ?? words.first ?? "command"
        }
    }
}
