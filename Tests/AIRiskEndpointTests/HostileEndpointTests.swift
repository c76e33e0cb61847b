import AIRiskAccess
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskEndpoint

/// Regression tests for issue 15's endpoint findings, against scripts/fault_server.py: an answer
/// echoing the credentials in every spelling, a body dripped after the headers, and retries that
/// must be charged to the row limit.
@Suite("Hostile endpoint", .serialized)
struct HostileEndpointTests {
    /// A request's timeout where the timeout is not what the test is about: long enough that a sanitized build on a
    /// loaded machine never retries a slow answer (a retry would spend the server's next answer).
    static let timeout = 5 * Double(TestEnvironment.slowdown)

    static func setCredentials() {
        setenv("AIRISK_TEST_ECHO_BEARER", "Bearer " + SecretPieces.bearer, 1)
        setenv("AIRISK_TEST_ECHO_BASIC", SecretPieces.basicHeader, 1)
    }

    func configuration(
        _ url: String, limits: EndpointLimits = EndpointLimits(batchSize: 4, concurrency: 1, timeout: Self.timeout),
        log: URL? = nil
    ) throws -> EndpointConfiguration {
        Self.setCredentials()
        return EndpointConfiguration(
            target: .http(url: url), wireProtocol: .kserveV2, outputName: "predict_proba",
            headers: [
                try HeaderCredential.parse("Authorization=AIRISK_TEST_ECHO_BEARER", fromFile: false),
                try HeaderCredential.parse("X-Api-Key=AIRISK_TEST_ECHO_BASIC", fromFile: false),
            ], limits: limits, queryLog: log)
    }

    /// The echo server's spellings (scripts/fault_server.py FAULT.STYLE); "" is all of them at once,
    /// the first one straddling the 160-byte snippet cut.
    static let styles = ["", ".bare", ".noscheme", ".json", ".unicode", ".url", ".b64pair", ".pair"]

    static func logURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("airisk-\(name)-\(getpid()).jsonl")
    }

    @Test(
        "a 401 mid-run echoing every credential is an error without them; later requests are not sent",
        arguments: styles)
    func refusedMidRun(style: String) async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let log = Self.logURL("echo401\(style)")
        defer { try? FileManager.default.removeItem(at: log) }
        let url = server.url("echo" + style, 2) + "?x-api-key=\(SecretPieces.queryKey)&api-version=3"
        let model = try await EndpointModelAccess.connect(
            try configuration(url, log: log), sampleRows: ReferenceModel.rows(4))
        _ = try await model.predict(ReferenceModel.rows(4))
        let error = await #expect(throws: EndpointError.self) { _ = try await model.predict(ReferenceModel.rows(4)) }
        let text = error?.description ?? ""
        #expect(text.contains("HTTP 401"), "\(text)")
        #expect(text.contains(Redactor.mask), "\(text)")
        #expect(SecretPieces.leak(in: text) == nil, "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(text)")
        #expect(try await server.stats().requests == 3)
        // The refused credentials are not sent again.
        let again = await #expect(throws: EndpointError.self) { _ = try await model.predict(ReferenceModel.rows(1)) }
        #expect(again?.description.contains("401") == true)
        #expect(try await server.stats().requests == 3)
        #expect(SecretPieces.leak(in: model.location) == nil, "\(model.location)")
        model.close()
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(logged.contains("\"status\":401"))
        #expect(SecretPieces.leak(in: logged) == nil, "\(logged)")
    }

    @Test(
        "echoed credentials are masked in retried 500s and in unreadable 200s, in the error and the log",
        arguments: ["echo500", "echobad"], styles)
    func echoedInOtherPaths(fault: String, style: String) async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let message = fault == "echo500" ? "HTTP 500" : "unusable"
        let log = Self.logURL(fault + style)
        defer { try? FileManager.default.removeItem(at: log) }
        let limits = EndpointLimits(
            batchSize: 4, timeout: Self.timeout, maxAttempts: 2, backoffBase: 0.01, backoffCap: 0.02)
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(
                try self.configuration(server.url(fault + style, 99), limits: limits, log: log),
                sampleRows: ReferenceModel.rows(2))
        }
        let text = error?.description ?? ""
        #expect(text.contains(message), "\(text)")
        #expect(SecretPieces.leak(in: text) == nil, "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B }, "\(text)")
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(SecretPieces.leak(in: logged) == nil, "\(logged)")
    }

    @Test("a body dripped after the headers ends at the timeout, each attempt")
    func drippingBody() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let limits = EndpointLimits(batchSize: 4, timeout: 1.5, maxAttempts: 2, backoffBase: 0.01, backoffCap: 0.02)
        let started = ContinuousClock.now
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(
                EndpointConfiguration(
                    target: .http(url: server.url("drip", 99)), wireProtocol: .kserveV2, outputName: "predict_proba",
                    limits: limits),
                sampleRows: ReferenceModel.rows(2))
        }
        let elapsed = ContinuousClock.now - started
        #expect(error?.description.contains("1.5 s timeout") == true, "\(String(describing: error))")
        #expect(error?.description.contains("2 attempts") == true, "\(String(describing: error))")
        // Two attempts of 1.5 s each, not the 60 s the server would drip for.
        #expect(elapsed < .seconds(8), "\(elapsed)")
        #expect(try await server.stats().requests == 2)
    }

    @Test(
        "retries are charged to the row limit before they are sent: the server sees at most --max-queries rows",
        arguments: ["error500", "throttle"])
    func retriesCharged(fault: String) async throws {
        let server = try FaultServer()
        defer { server.stop() }
        var limits = EndpointLimits(
            batchSize: 1, timeout: Self.timeout, maxAttempts: 10, backoffBase: 0.01, backoffCap: 0.02)
        limits.maxRows = 5
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(
                EndpointConfiguration(
                    target: .http(url: server.url(fault, 99)), wireProtocol: .kserveV2, outputName: "predict_proba",
                    limits: limits),
                sampleRows: ReferenceModel.rows(1))
        }
        #expect(error?.description.contains("--max-queries limit of 5 rows") == true, "\(String(describing: error))")
        let stats = try await server.stats()
        #expect(stats.rows == 5)
        #expect(stats.requests == 5)
    }
}
