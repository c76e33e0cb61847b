import Foundation
import Testing

@testable import AIRiskCLI

/// `airisk assess --endpoint / --model-cmd`: option checks and a run against a model command.
@Suite("Assess a live model")
struct AssessLiveModelTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("exactly one of --model, --endpoint and --model-cmd")
    func oneSource() {
        let data = ["--members", "m.npz", "--nonmembers", "n.npz"]
        #expect(throws: (any Error).self) { try AIRiskCommand.parseAsRoot(["assess"] + data) }
        #expect(throws: (any Error).self) {
            try AIRiskCommand.parseAsRoot(["assess", "--model", "a.onnx", "--endpoint", "http://127.0.0.1:1/x"] + data)
        }
        #expect(throws: (any Error).self) {
            try AIRiskCommand.parseAsRoot(["assess", "--endpoint", "http://127.0.0.1:1/x", "--batch", "0"] + data)
        }
        #expect(throws: (any Error).self) {
            try AIRiskCommand.parseAsRoot(
                ["assess", "--endpoint", "http://x/y", "--header-env", "Authorization"] + data)
        }
        #expect(throws: Never.self) {
            try AIRiskCommand.parseAsRoot(
                ["assess", "--endpoint", "http://127.0.0.1:1/v2/models/m/infer", "--header-env", "Authorization=TOKEN"]
                    + data)
        }
    }

    @Test("a model command is assessed and recorded as a command with its access level")
    func command() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-cmd-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Rows for the 4-feature, 3-class model of Tests/AIRiskEndpointTests/Fixtures/jsonl_model.py.
        func csv(_ name: String, offset: Int) throws -> String {
            var text = "a,b,c,d,label\n"
            for i in 0..<60 {
                let v = (0..<4).map { j in Double(((i + offset) * (j + 3) * 7) % 17) / 8 - 1 }
                text += v.map { String($0) }.joined(separator: ",") + ",\((i + offset) % 3)\n"
            }
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let script = Self.root.appendingPathComponent("Tests/AIRiskEndpointTests/Fixtures/jsonl_model.py").path
        let out = dir.appendingPathComponent("report")
        let command = try #require(
            try AIRiskCommand.parseAsRoot([
                "assess", "--model-cmd", "python3 \(script) ok", "--members", try csv("m.csv", offset: 0),
                "--nonmembers", try csv("n.csv", offset: 100), "--probes", "membership", "--profile", "quick",
                "--out", out.path, "--query-log", dir.appendingPathComponent("q.jsonl").path,
            ]) as? AssessCommand)
        try await command.run()
        let xml = try String(contentsOf: out.appendingPathComponent("results.xml"), encoding: .utf8)
        #expect(xml.contains("sourceKind=\"command\""))
        #expect(xml.contains("accessLevel=\"scores\""))
        #expect(xml.contains("endpoint.rows_sent"))
        let log = try String(contentsOf: dir.appendingPathComponent("q.jsonl"), encoding: .utf8)
        #expect(log.contains("\"kind\":\"setup\""))
    }
}
