import Foundation
import Testing

@testable import AIRiskEndpoint

/// Errors carry structured values (option, value, range; header, source, problem; location, attempts); the
/// message is built from them.
@Suite("Endpoint errors")
struct EndpointErrorTests {
    @Test("a limit out of range names the option, the range and the value given")
    func outOfRange() {
        let cases: [(EndpointLimits, EndpointError, String)] = [
            (
                EndpointLimits(timeout: 1e10),
                .outOfRange(option: "--timeout", value: "10000000000.0", allowed: 0.001...86_400, unit: "seconds"),
                "--timeout must be a number of seconds in 0.001…86400 (got 10000000000.0)"
            ),
            (
                EndpointLimits(batchSize: 0), .outOfRange(option: "--batch", value: "0", allowed: 1...1e6, unit: nil),
                "--batch must be in 1…1000000 (got 0)"
            ),
            (
                EndpointLimits(maxRows: 0),
                .outOfRange(option: "--max-queries", value: "0", allowed: 1...Double.infinity, unit: nil),
                "--max-queries must be at least 1 (got 0)"
            ),
        ]
        for (limits, expected, message) in cases {
            #expect(throws: expected) { try limits.validate() }
            #expect(expected.description == "endpoint configuration: " + message)
        }
    }

    @Test("an unusable option names the option and the value given, apart from what it must be")
    func badOption() {
        #expect(
            throws: EndpointError.badOption(
                option: "--endpoint", value: "'ftp://h/m'", requirement: "it must be an http(s) URL")
        ) {
            _ = try HTTPTransport(url: "ftp://h/m", headers: [], location: "ftp://h/m")
        }
        #expect(
            throws: EndpointError.badOption(
                option: "--header-env", value: "'Bad Name'", requirement: "it is not a valid header name")
        ) {
            _ = try HeaderCredential.parse("Bad Name=TOKEN", fromFile: false)
        }
        #expect(
            EndpointError.badOption(option: "--class-count", value: "1", requirement: "it must be at least 2")
                .description == "endpoint configuration: --class-count 1: it must be at least 2")
    }

    @Test("an unreadable credential names the header and where its value was to come from, never a value")
    func credential() {
        let env = HeaderCredential(name: "Authorization", source: .environment("MY_TOKEN"))
        #expect(throws: EndpointError.credential(header: "Authorization", source: env.source, problem: .unset)) {
            try env.resolve(environment: [:])
        }
        #expect(
            EndpointError.credential(header: "Authorization", source: env.source, problem: .unset).description
                == "credential: environment variable MY_TOKEN (for header Authorization) is not set or empty")
        #expect(throws: EndpointError.credential(header: "Authorization", source: env.source, problem: .lineBreak)) {
            try env.resolve(environment: ["MY_TOKEN": "a\r\nX-Injected: 1"])
        }
        let file = HeaderCredential.Source.file("/nonexistent/key.txt")
        #expect(
            EndpointError.credential(header: "X-Api-Key", source: file, problem: .unreadable).description
                == "credential: cannot read /nonexistent/key.txt (for header X-Api-Key)")
    }

    @Test("unreachable: where, why, after how many attempts; the redactor masks the texts only")
    func unreachable() {
        let e = EndpointError.unreachable(
            location: "http://h/v1/Uv5rTq8Lm2Nw/predict", reason: "connection failed: refused", attempts: 3,
            budgetNote: "")
        #expect(
            e.description == "endpoint unreachable: http://h/v1/Uv5rTq8Lm2Nw/predict: connection failed: refused "
                + "(after 3 attempts)")
        let masked = e.redacted(by: Redactor(secrets: ["Uv5rTq8Lm2Nw"]))
        #expect(!masked.description.contains("Uv5rTq8Lm2Nw"))
        #expect(masked.description.contains("(after 3 attempts)"))
    }
}
