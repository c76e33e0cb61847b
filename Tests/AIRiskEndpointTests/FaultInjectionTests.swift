import AIRiskAccess
import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskEndpoint

/// Each fault of scripts/fault_server.py ends in a retry that succeeds or in a clear error, and
/// the row limit is never passed (checked against what the server itself counted).
@Suite("Endpoint fault injection", .serialized)
struct FaultInjectionTests {
    func configuration(
        _ url: String, protocol p: EndpointProtocol = .kserveV2, output: String? = "predict_proba",
        limits: EndpointLimits = EndpointLimits(batchSize: 4, timeout: 5, backoffBase: 0.01, backoffCap: 0.05),
        log: URL? = nil
    ) -> EndpointConfiguration {
        EndpointConfiguration(
            target: .http(url: url), wireProtocol: p, outputName: p == .kserveV2 ? output : nil, limits: limits,
            queryLog: log)
    }

    @Test("a healthy KServe V2 endpoint answers probabilities that match the model, in batches")
    func healthy() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let rows = ReferenceModel.rows(10)
        let model = try await EndpointModelAccess.connect(configuration(server.url("ok")), sampleRows: rows)
        #expect(model.description.outputKind == .probabilities)
        #expect(model.description.accessLevel == .scores)
        #expect(model.description.inputShape == [4])
        #expect(model.description.outputWidth == 3)
        #expect(model.description.name == "fault")
        #expect(model.notes.contains { $0.contains("metadata") })
        let out = try await model.predict(rows)
        #expect(out.rows == 10)
        let values = try #require(rows.floats)
        for r in 0..<10 {
            let expected = ReferenceModel.probabilities(values[(r * 4)..<(r * 4 + 4)])
            for c in 0..<3 { #expect(abs(Double(out.row(r)[out.row(r).startIndex + c]) - expected[c]) < 1e-5) }
            #expect(out.labels[r] == expected.indices.max { expected[$0] < expected[$1] })
        }
        let stats = try await server.stats()
        // 1 set-up request (4 rows) and 10 rows in batches of 4.
        #expect(stats.requests == 1 + 3)
        #expect(stats.rows == 4 + 10)
        #expect(model.usage.rows == 14)
        #expect(model.usage.setupRows == 4)
    }

    @Test("the row format with configurable keys, and labels-only answers lower the access level")
    func instancesAndLabels() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let rows = ReferenceModel.rows(5)
        let scores = try await EndpointModelAccess.connect(
            configuration(server.url("ok", protocol: .instances), protocol: .instances), sampleRows: rows)
        #expect(scores.description.outputKind == .probabilities)
        var labelsConfiguration = configuration(server.url("labels", protocol: .instances), protocol: .instances)
        labelsConfiguration.classCount = 3
        let labels = try await EndpointModelAccess.connect(labelsConfiguration, sampleRows: rows)
        #expect(labels.description.outputKind == .labels)
        #expect(labels.description.outputWidth == 3)
        #expect(labels.description.accessLevel == .labelsOnly)
        let a = try await scores.predict(rows)
        let b = try await labels.predict(rows)
        #expect(b.scores.isEmpty)
        #expect(a.labels == b.labels)
        let v2labels = try await EndpointModelAccess.connect(
            configuration(server.url("labels"), output: nil), sampleRows: rows)
        #expect(v2labels.description.accessLevel == .labelsOnly)
    }

    @Test("500s are retried until the server answers; every attempt's rows are counted, attempts in the log")
    func serverErrors() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-500-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("error500", 2), log: log), sampleRows: ReferenceModel.rows(4))
        #expect(model.usage.retries == 2)
        #expect(model.usage.rows == 3 * 4)
        #expect(model.usage.requests == 3)
        let stats = try await server.stats()
        #expect(stats.requests == 3)
        #expect(stats.answeredRows == 4)
        model.close()
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        // metadata + 3 attempts
        #expect(lines.count == 4)
        #expect(lines.filter { $0.contains("\"status\":500") && $0.contains("\"outcome\":\"retry\"") }.count == 2)
        #expect(lines.last?.contains("\"outcome\":\"ok\"") == true)
    }

    @Test("429 with Retry-After is honoured before the retry")
    func throttled() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let started = ContinuousClock.now
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("throttle", 1)), sampleRows: ReferenceModel.rows(2))
        #expect(ContinuousClock.now - started >= .milliseconds(950))
        #expect(model.usage.retries == 1)
        #expect(model.description.outputKind == .probabilities)
    }

    @Test("a Retry-After longer than allowed is a clear error, not a long wait")
    func retryAfterTooLong() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(
                configuration(server.url("bigwait", 5)), sampleRows: ReferenceModel.rows(2))
        }
        #expect(error?.description.contains("Retry-After") == true)
        #expect(try await server.stats().requests == 1)
    }

    @Test("a server slower than the timeout is retried, and one that never answers in time fails")
    func slow() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        var limits = EndpointLimits(batchSize: 4, timeout: 0.5, backoffBase: 0.01, backoffCap: 0.05)
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("slow", 1), limits: limits), sampleRows: ReferenceModel.rows(2))
        #expect(model.usage.retries == 1)
        limits.maxAttempts = 2
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(
                configuration(server.url("slow", 99), limits: limits), sampleRows: ReferenceModel.rows(2))
        }
        #expect(error?.description.contains("timeout") == true)
        #expect(error?.description.contains("2 attempts") == true)
    }

    @Test("a dropped connection is retried")
    func dropped() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("drop", 1)), sampleRows: ReferenceModel.rows(2))
        #expect(model.usage.retries == 1)
        let out = try await model.predict(ReferenceModel.rows(3))
        #expect(out.rows == 3)
    }

    @Test(
        "malformed, truncated and wrongly shaped answers are clear errors",
        arguments: [
            ("malformed", "unexpected character"), ("truncated", "truncated"), ("wrongshape", "rows"),
        ])
    func unusableAnswers(fault: String, message: String) async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(
                configuration(server.url(fault, 1)), sampleRows: ReferenceModel.rows(3))
        }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        #expect(try await server.stats().requests == 1)
    }

    @Test("the row limit is checked before sending and never passed, retries included")
    func budget() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        var limits = EndpointLimits(batchSize: 3, concurrency: 3, timeout: 5, backoffBase: 0.01, backoffCap: 0.05)
        limits.maxRows = 20
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("error500", 2), limits: limits), sampleRows: ReferenceModel.rows(4))
        // The set-up rows were sent three times, and each time charged: 12 of 20.
        #expect(model.usage.rows == 12)
        _ = try await model.predict(ReferenceModel.rows(7))
        await #expect(throws: ModelAccessError.self) { _ = try await model.predict(ReferenceModel.rows(2)) }
        _ = try await model.predict(ReferenceModel.rows(1))
        await #expect(throws: ModelAccessError.self) { _ = try await model.predict(ReferenceModel.rows(1)) }
        let stats = try await server.stats()
        #expect(stats.answeredRows == 4 + 7 + 1)
        #expect(model.usage.rows == 20)
        #expect(stats.rows == 20)
        #expect(stats.requests == model.usage.requests)
    }

    @Test("credentials come from the environment and never appear in errors or the log")
    func credentials() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-auth-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        setenv("AIRISK_TEST_TOKEN_GOOD", "Bearer fault-secret-42", 1)
        setenv("AIRISK_TEST_TOKEN_BAD", "Bearer wrong-secret-77", 1)
        var good = configuration(server.url("auth"), log: log)
        good.headers = [try HeaderCredential.parse("Authorization=AIRISK_TEST_TOKEN_GOOD", fromFile: false)]
        let model = try await EndpointModelAccess.connect(good, sampleRows: ReferenceModel.rows(2))
        #expect(model.description.outputKind == .probabilities)
        model.close()
        var bad = configuration(server.url("auth"), log: log)
        bad.headers = [try HeaderCredential.parse("Authorization=AIRISK_TEST_TOKEN_BAD", fromFile: false)]
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(bad, sampleRows: ReferenceModel.rows(2))
        }
        let text = error?.description ?? ""
        #expect(text.contains("401"))
        // The server echoed the header it got; airisk masks it.
        #expect(text.contains(Redactor.mask))
        #expect(!text.contains("wrong-secret-77"))
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(!logged.contains("secret-"))
        #expect(logged.contains("\"Authorization\":\"[REDACTED]\""))
        var missing = configuration(server.url("auth"))
        missing.headers = [try HeaderCredential.parse("Authorization=AIRISK_TEST_TOKEN_UNSET", fromFile: false)]
        let e2 = await #expect(throws: EndpointError.self) { _ = try await EndpointModelAccess.connect(missing) }
        #expect(e2?.description.contains("AIRISK_TEST_TOKEN_UNSET") == true)
    }

    @Test("NaN and Infinity in a row-format answer are read, and such scores are not probabilities")
    func nonFinite() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("nan", protocol: .instances), protocol: .instances),
            sampleRows: ReferenceModel.rows(2))
        #expect(model.description.outputKind == .logits)
        let out = try await model.predict(ReferenceModel.rows(1))
        #expect(out.scores[0].isNaN)
        #expect(out.scores[1] == .infinity)
        #expect(out.scores[2] == -.infinity)
    }

    @Test("a closed port is a clear error after the capped attempts")
    func unreachable() async throws {
        var limits = EndpointLimits(timeout: 0.5, maxAttempts: 3, backoffBase: 0.01, backoffCap: 0.02)
        limits.batchSize = 2
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(
                configuration("http://127.0.0.1:9/v2/models/x/infer", limits: limits),
                sampleRows: ReferenceModel.rows(1))
        }
        #expect(error?.description.contains("3 attempts") == true, "\(String(describing: error))")
    }

    @Test("no more requests in flight than the concurrency limit")
    func concurrencyLimit() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let limits = EndpointLimits(batchSize: 2, concurrency: 2, timeout: 5)
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("hold"), limits: limits), sampleRows: ReferenceModel.rows(2))
        async let a = model.predict(ReferenceModel.rows(8))
        async let b = model.predict(ReferenceModel.rows(8, seed: 2))
        _ = try await (a, b)
        let stats = try await server.stats()
        #expect(stats.requests == 1 + 8)
        #expect(stats.maxInFlight <= 2)
        #expect(stats.maxInFlight >= 1)
    }

    @Test("the client-side rate limit spaces requests")
    func rateLimit() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let limits = EndpointLimits(batchSize: 1, concurrency: 4, requestsPerSecond: 20, timeout: 5)
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("ok"), limits: limits), sampleRows: ReferenceModel.rows(1))
        let started = ContinuousClock.now
        _ = try await model.predict(ReferenceModel.rows(6))
        // Six request starts at most 20 per second: at least 5 intervals of 50 ms between them.
        #expect(ContinuousClock.now - started >= .milliseconds(245))
        #expect(try await server.stats().requests == 7)
    }

    @Test("without --output-name, a probability output declared in the metadata is requested")
    func metadataOutput() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let model = try await EndpointModelAccess.connect(
            configuration(server.url("ok"), output: nil), sampleRows: ReferenceModel.rows(2))
        #expect(model.description.outputKind == .probabilities)
        #expect(model.notes.contains { $0.contains("predict_proba") })
    }
}
