import AIRiskAccess
import AIRiskAssessment
import AIRiskEndpoint
import AIRiskLoader
import ArgumentParser
import Foundation

extension EndpointProtocol: ExpressibleByArgument {}
extension OutputKind: ExpressibleByArgument {}

/// `assess` options for a live model: an HTTP endpoint or a command, and how to query it.
struct EndpointOptions: ParsableArguments {
    @Option(help: "A live prediction URL instead of --model, e.g. http://host:8080/v2/models/NAME/infer.")
    var endpoint: String?

    @Option(help: "A command answering JSON lines ({\"instances\": rows} → {\"predictions\": …}) instead of --model.")
    var modelCmd: String?

    @Option(
        name: .customLong("protocol"),
        help: "Wire format: kserve-v2 or instances (default: kserve-v2 for /v2/models/ URLs, else instances).")
    var wireProtocol: EndpointProtocol?

    @Option(help: "KServe V2 input tensor name (default: from the metadata, else input-0).")
    var inputName: String?

    @Option(help: "Output to read: a KServe V2 output (e.g. predict_proba) or a prediction object's member.")
    var outputName: String?

    @Option(help: "Row format: request key holding the rows.")
    var instancesKey: String = "instances"

    @Option(help: "Row format: response key holding the answers.")
    var predictionsKey: String = "predictions"

    @Option(
        help: ArgumentHelp(
            "Request header from an environment variable, HEADER=ENVVAR (repeatable), e.g. Authorization=MY_TOKEN.",
            discussion: "Values are never taken from the command line and never printed, logged or reported."))
    var headerEnv: [String] = []

    @Option(help: "Request header from a file's contents, HEADER=PATH (repeatable).")
    var headerFile: [String] = []

    @Option(help: "Rows per request.")
    var batch: Int = 64

    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 4

    @Option(help: "Client-side rate limit, requests per second.")
    var rate: Double?

    @Option(help: "Per-request timeout in seconds, for the whole answer (headers and body).")
    var timeout: Double = 30

    @Option(help: "Attempts per request (connection errors, timeouts, 429 and 5xx are retried with backoff).")
    var maxAttempts: Int = 4

    @Option(
        help: "Hard limit on rows sent to the endpoint over the whole assessment, set-up rows and retries included.")
    var maxQueries: Int?

    @Option(
        help: "Write every request and response (time, status, latency, rows; no credentials) to this JSON-lines file.")
    var queryLog: String?

    @Option(help: "Treat the answers as this kind (probabilities, logits, labels, regression) instead of guessing.")
    var outputKind: OutputKind?

    @Option(
        help: "Number of classes, for endpoints answering labels or top-k only (default for assess: from the data).")
    var classCount: Int?

    var isRemote: Bool { endpoint != nil || modelCmd != nil }

    /// Checks that exactly one model source is given and the limits are sane.
    func validate(model: String?) throws {
        let given = [model != nil, endpoint != nil, modelCmd != nil].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError("give exactly one of --model FILE, --endpoint URL or --model-cmd COMMAND")
        }
        let result = Result { () throws(EndpointError) in try configuration() }
        if case .failure(let e) = result { throw ValidationError(e.description) }
        // A credential file that is a named pipe or a directory would block or fail mid-run.
        let credentialFiles: [(flag: String, path: String?)] = headerFile.map { spec in
            (flag: "--header-file", path: spec.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init))
        }
        try InputPath.checkFiles(credentialFiles)
    }

    /// The endpoint configuration, or nil for a model file.
    func configuration() throws(EndpointError) -> EndpointConfiguration? {
        let target: EndpointConfiguration.Target
        if let endpoint {
            target = .http(url: endpoint)
        } else if let modelCmd {
            target = .command(modelCmd)
        } else {
            return nil
        }
        var headers: [HeaderCredential] = []
        for h in headerEnv { headers.append(try HeaderCredential.parse(h, fromFile: false)) }
        for h in headerFile { headers.append(try HeaderCredential.parse(h, fromFile: true)) }
        let limits = EndpointLimits(
            batchSize: batch, concurrency: concurrency, requestsPerSecond: rate, timeout: timeout,
            maxAttempts: maxAttempts, maxRows: maxQueries)
        try limits.validate()
        if let classCount, classCount < 2 {
            throw .badOption(option: "--class-count", value: "\(classCount)", requirement: "it must be at least 2")
        }
        let p = wireProtocol ?? ((endpoint?.contains("/v2/models/") ?? false) ? .kserveV2 : .instances)
        if p == .kserveV2, modelCmd != nil {
            throw .badOption(
                option: "--protocol", value: "kserve-v2",
                requirement: "--model-cmd speaks the instances row format; drop --protocol kserve-v2")
        }
        return EndpointConfiguration(
            target: target, wireProtocol: p, inputName: inputName, outputName: outputName,
            instancesKey: instancesKey, predictionsKey: predictionsKey, headers: headers, limits: limits,
            queryLog: queryLog.map { URL(fileURLWithPath: $0) }, outputKind: outputKind, classCount: classCount)
    }

    /// The plan's model source for an endpoint or command.
    func source() throws -> ModelSource? {
        guard let c = try configuration() else { return nil }
        return modelCmd != nil ? .command(c) : .endpoint(c)
    }

    /// A file-name stem for the default report directory.
    var stem: String {
        if let endpoint {
            let parts = URL(string: endpoint)?.pathComponents ?? []
            if let i = parts.firstIndex(of: "models"), i + 1 < parts.count { return parts[i + 1] }
            return URL(string: endpoint)?.host ?? "endpoint"
        }
        return "command"
    }
}
