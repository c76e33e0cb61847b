import AIRiskSupport
import Foundation
import Synchronization

/// A JSON-lines audit log: one line per request attempt and its outcome. Header values are never
/// written; every text passes through the ``Redactor``.
final class QueryLog: Sendable {
    struct Entry: Sendable {
        var time: Date
        var kind: String
        var target: String
        var attempt: Int
        var rows: Int
        var requestBytes: Int
        var status: Int?
        var latencySeconds: Double
        var responseBytes: Int
        var outcome: String
        var detail: String?
    }

    private let handle: Mutex<FileHandle?>
    private let redactor: Redactor
    private let headerNames: [String]

    init(url: URL, redactor: Redactor, headerNames: [String]) throws(EndpointError) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let h = try? FileHandle(forWritingTo: url)
        else {
            throw .badOption(option: "--query-log", value: url.path, requirement: "the file cannot be created")
        }
        handle = Mutex(h)
        self.redactor = redactor
        self.headerNames = headerNames
    }

    func record(_ e: Entry) {
        var fields: [(String, String)] = [
            (
                "time",
                JSONWriter.quote(
                    ISO8601DateFormatter.string(
                        from: e.time, timeZone: .gmt,
                        formatOptions: [.withInternetDateTime, .withFractionalSeconds]))
            ),
            ("kind", JSONWriter.quote(e.kind)),
            ("target", JSONWriter.quote(redactor(e.target))),
            ("attempt", "\(e.attempt)"),
            ("rows", "\(e.rows)"),
            ("request_bytes", "\(e.requestBytes)"),
            ("status", e.status.map { "\($0)" } ?? "null"),
            ("latency_ms", String(format: "%.3f", e.latencySeconds * 1000)),
            ("response_bytes", "\(e.responseBytes)"),
            ("outcome", JSONWriter.quote(e.outcome)),
        ]
        if !headerNames.isEmpty {
            fields.append(
                (
                    "headers",
                    "{"
                        + headerNames.map { "\(JSONWriter.quote($0)):\(JSONWriter.quote(Redactor.mask))" }
                        .joined(separator: ",") + "}"
                ))
        }
        if let d = e.detail { fields.append(("detail", JSONWriter.quote(redactor(d)))) }
        let line = "{" + fields.map { "\(JSONWriter.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}\n"
        handle.withLock { h in
            try? h?.write(contentsOf: Data(line.utf8))
        }
    }

    func close() {
        handle.withLock { h in
            try? h?.close()
            h = nil
        }
    }
}
