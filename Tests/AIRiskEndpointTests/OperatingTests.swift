import AIRiskSupport
import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskEndpoint

@Suite("Operating limits")
struct OperatingTests {
    @Test("backoff doubles up to the cap, jitter stays under the ceiling, Retry-After is a floor")
    func backoff() {
        let p = RetryPolicy(EndpointLimits(backoffBase: 0.5, backoffCap: 3))
        #expect(p.delay(afterAttempt: 1, retryAfter: nil, unit: 0.999) < 0.5)
        #expect(abs(p.delay(afterAttempt: 3, retryAfter: nil, unit: 0.5) - 1.0) < 1e-9)
        #expect(abs(p.delay(afterAttempt: 10, retryAfter: nil, unit: 0.5) - 1.5) < 1e-9)
        #expect(p.delay(afterAttempt: 1, retryAfter: 2, unit: 0.1) == 2)
        var a = SeededGenerator(seed: 9)
        var b = SeededGenerator(seed: 9)
        #expect((0..<5).map { _ in a.nextUniformDouble() } == (0..<5).map { _ in b.nextUniformDouble() })
    }

    @Test("Retry-After as seconds or as an HTTP date")
    func retryAfter() throws {
        #expect(RetryPolicy.parseRetryAfter("7") == 7)
        let now = try #require(ISO8601DateFormatter().date(from: "2015-10-21T07:28:00Z"))
        #expect(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
        #expect(RetryPolicy.isRetryable(status: 429))
        #expect(RetryPolicy.isRetryable(status: 503))
        #expect(!RetryPolicy.isRetryable(status: 401))
    }

    @Test("a Retry-After too large for an Int is refused with a clear error, not a trap (fuzz)")
    func retryAfterHuge() throws {
        let policy = RetryPolicy(EndpointLimits())
        let fixture = try FuzzFixture("retry_after_huge_seconds.bin")
        #expect(throws: EndpointError.self) { try policy.retryAfter(header: fixture.firstLine, status: 503) }
        do {
            _ = try policy.retryAfter(header: "1e300", status: 429)
            Issue.record("a 1e300 s Retry-After was accepted")
        } catch {
            let detail = "the server asked to wait 1e+300 s (Retry-After), more than the 60 s allowed"
            #expect(error == .rejected(status: 429, detail: detail))
        }
        #expect(try policy.retryAfter(header: "2", status: 503) == 2)
        #expect(try policy.retryAfter(header: nil, status: 503) == nil)
        for value in ["inf", "Infinity", "nan", "-3", "1e400", ""] {
            #expect(RetryPolicy.parseRetryAfter(value) == nil, "\(value)")
        }
    }

    @Test("HTTP dates: only the IMF-fixdate form, with real calendar days")
    func httpDates() throws {
        #expect(RetryPolicy.parseHTTPDate("Wed, 21 Oct 2015 07:28:30 GMT")?.timeIntervalSince1970 == 1_445_412_510)
        #expect(RetryPolicy.parseHTTPDate("Thu, 29 Feb 2024 23:59:59 GMT")?.timeIntervalSince1970 == 1_709_251_199)
        #expect(RetryPolicy.parseHTTPDate("Mon, 01 Jan 0001 00:00:00 GMT")?.timeIntervalSince1970 == -62_135_596_800)
        for bad in [
            "Thu, 29 Feb 2023 00:00:00 GMT", "Wed, 21 Oct 2015 24:00:00 GMT", "Wed, 21 Oct 2015 07:28:30 UTC",
            "Xyz, 21 Oct 2015 07:28:30 GMT", "Wed, 21 Okt 2015 07:28:30 GMT", "Wed, 21 Oct 2015 07:28:3 GMT",
            "Wednesday, 21-Oct-15 07:28:30 GMT", "Wed, 00 Oct 2015 07:28:30 GMT",
        ] {
            #expect(RetryPolicy.parseHTTPDate(bad) == nil, "\(bad)")
        }
        // Made Foundation's DateFormatter leak; now simply not a date.
        let fixture = try FuzzFixture("retry_after_date_leak.bin")
        #expect(RetryPolicy.parseRetryAfter(fixture.firstLine) == nil)
    }

    @Test("credential specs name a header and a variable or file; values come from there only")
    func credentials() throws {
        let c = try HeaderCredential.parse("Authorization=MY_TOKEN", fromFile: false)
        #expect(c == HeaderCredential(name: "Authorization", source: .environment("MY_TOKEN")))
        #expect(try c.resolve(environment: ["MY_TOKEN": "Bearer abc"]) == "Bearer abc")
        #expect(throws: EndpointError.self) { try c.resolve(environment: [:]) }
        #expect(throws: EndpointError.self) { try HeaderCredential.parse("Authorization", fromFile: false) }
        #expect(throws: EndpointError.self) { try HeaderCredential.parse("Bad Name=X", fromFile: false) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-cred-\(getpid())")
        try "key-123\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let f = try HeaderCredential.parse("X-Api-Key=\(file.path)", fromFile: true)
        #expect(try f.resolve() == "key-123")
    }

    @Test("URLs lose user, password and secret query values; secrets are masked in any text")
    func redaction() {
        #expect(
            URLRedaction.redact("https://bob:pw@host:8443/v2/models/m/infer?token=abc&version=1")
                == "https://host:8443/v2/models/m/infer?token=%5BREDACTED%5D&version=1"
                || URLRedaction.redact("https://bob:pw@host:8443/v2/models/m/infer?token=abc&version=1")
                    == "https://host:8443/v2/models/m/infer?token=[REDACTED]&version=1"
        )
        let r = Redactor(secrets: ["Bearer abc", "abc", ""])
        #expect(r("got Bearer abc and abc") == "got [REDACTED] and [REDACTED]")
    }

    @Test("limits out of range are refused")
    func limits() {
        #expect(throws: EndpointError.self) { try EndpointLimits(batchSize: 0).validate() }
        #expect(throws: EndpointError.self) { try EndpointLimits(requestsPerSecond: 0).validate() }
        #expect(throws: EndpointError.self) { try EndpointLimits(maxRows: 0).validate() }
    }

    @Test("a URL carrying a user and password is refused without echoing the password")
    func credentialsInURL() {
        do {
            _ = try HTTPTransport(
                url: "http://bob:hunter2@127.0.0.1:1/v2/models/m/infer", headers: [],
                location: URLRedaction.redact("http://bob:hunter2@127.0.0.1:1/v2/models/m/infer"))
            Issue.record("accepted a URL with a password")
        } catch {
            #expect(error.description.contains("--header-env"))
            #expect(!error.description.contains("hunter2"))
        }
    }
}
