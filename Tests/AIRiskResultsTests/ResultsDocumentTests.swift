import AIRiskTestSupport
import AIRiskXML
import Foundation
import Testing

@testable import AIRiskResults

@Suite("Results document (XML)")
struct ResultsDocumentTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("the sample document validates against results.xsd and reads back to an equal model")
    func roundTrip() throws {
        let sample = SampleResults.make()
        let data = try ResultsDocument.data(for: sample)
        let schema = try XMLSchema(
            contentsOf: Self.repoRoot.appendingPathComponent("Sources/AIRiskResults/Resources/results.xsd"))
        #expect(schema.validate(data, fileName: "results.xml").isEmpty)
        let back = try ResultsDocument.read(data, fileName: "results.xml")
        #expect(back == sample)
        // Writing again gives the same bytes: the form is deterministic.
        #expect(try ResultsDocument.data(for: back) == data)
    }

    @Test("whitespace, line breaks, markup and Japanese in free text survive the round trip")
    func textFidelity() throws {
        var sample = SampleResults.make()
        sample.probes[0].notes = ["  leading and trailing  ", "line1\r\nline2\tTabbed", "<&>\"'", "日本語のメモ", ""]
        sample.model.name = "]]> <!-- not a comment --> &amp;"
        sample.status = .incomplete(error: "inversion failed: gradient is NaN at node 'fc1'")
        sample.probes[1].status = .failed(error: "no gradients")
        sample.probes[2].status = .skipped(reason: "labels-only access")
        let back = try ResultsDocument.read(try ResultsDocument.data(for: sample), fileName: "r.xml")
        #expect(back == sample)
    }

    @Test("special doubles and dynamic dimensions keep their meaning")
    func numbers() throws {
        var sample = SampleResults.make()
        sample.probes[0].metrics = [
            Metric(name: "tiny", value: 1e-300), Metric(name: "inf", value: .infinity),
            Metric(name: "neg", value: -0.000_123_456_789_012_345),
        ]
        sample.model.inputShape = [nil, 1, 8, nil]
        sample.seed = UInt64.max
        let back = try ResultsDocument.read(try ResultsDocument.data(for: sample), fileName: "r.xml")
        #expect(back == sample)
    }

    @Test("the generated-at time is kept to whole seconds in UTC")
    func timestamp() throws {
        var sample = SampleResults.make()
        sample.generatedAt = Date(timeIntervalSince1970: 1_795_420_800.75)
        #expect(sample.generatedAt == Date(timeIntervalSince1970: 1_795_420_800))
        let xml = String(decoding: try ResultsDocument.data(for: sample), as: UTF8.self)
        #expect(xml.contains("generatedAt=\"2026-11-23T08:00:00Z\""))
    }

    @Test("a document that breaks the schema is refused with the line of the problem")
    func refusesInvalid() throws {
        let xml = String(decoding: try ResultsDocument.data(for: SampleResults.make()), as: UTF8.self)
        let broken = xml.replacingOccurrences(of: "severity=\"high\"", with: "severity=\"urgent\"")
        #expect(broken != xml)
        do {
            _ = try ResultsDocument.read(Data(broken.utf8), fileName: "broken.xml")
            Issue.record("an invalid severity was accepted")
        } catch {
            guard case .xml(.invalid(let diagnostics)) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(diagnostics.contains { $0.line > 0 && $0.message.contains("urgent") })
        }
    }

    @Test("validate lists problems with their lines, and nothing for a valid document")
    func validateAPI() throws {
        let data = try ResultsDocument.data(for: SampleResults.make())
        #expect(try ResultsDocument.validate(data, fileName: "ok.xml").isEmpty)
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "seed=\"42\"", with: "seed=\"-1\"")
        let problems = try ResultsDocument.validate(Data(broken.utf8), fileName: "bad.xml")
        #expect(problems.count == 1 && problems[0].line == 2 && problems[0].file == "bad.xml")
        #expect(!(try ResultsDocument.validate(Data("<results".utf8), fileName: "cut.xml")).isEmpty)
    }

    @Test("a document of another kind is refused by its root element")
    func refusesOtherRoot() {
        let xml = Data("<catalog xmlns=\"urn:airisk:catalog:1\"/>".utf8)
        #expect(throws: ResultsError.self) { try ResultsDocument.read(xml, fileName: "c.xml") }
    }

    @Test("a model that cannot be valid is refused before anything is written")
    func refusesInvalidModelOnWrite() throws {
        var sample = SampleResults.make()
        sample.model.sha256 = "not-a-hash"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("results.xml")
        #expect(throws: ResultsError.self) { try ResultsDocument.write(sample, to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("writing replaces the file atomically and leaves no temporary file behind")
    func atomicWrite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("results.xml")
        try Data("old".utf8).write(to: url)
        try ResultsDocument.write(SampleResults.make(), to: url)
        #expect(try ResultsDocument.read(contentsOf: url) == SampleResults.make())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["results.xml"])
    }

    @Test("endpoint URLs are recorded without credentials or secret query parameters")
    func redaction() {
        #expect(
            ModelIdentity.redactedURL("https://user:pw@host.example:8443/v2/models/m/infer?token=abc&version=2")
                == "https://host.example:8443/v2/models/m/infer?token=REDACTED&version=2")
        #expect(ModelIdentity.redactedURL("http://localhost:8080/invocations") == "http://localhost:8080/invocations")
        // Any query value is masked unless its name is known to be harmless (issue 15).
        #expect(
            ModelIdentity.redactedURL("http://h/p?x-api-key=k1&subscription-key=k2&sv=k3&api-version=7#frag")
                == "http://h/p?x-api-key=REDACTED&subscription-key=REDACTED&sv=REDACTED&api-version=7")
    }

    @Test("overall severity is the highest finding's, and findings sort most severe first")
    func severityOrder() {
        let sample = SampleResults.make()
        #expect(sample.overallSeverity == .critical)
        #expect(sample.findingsBySeverity.map(\.id) == ["F-extraction", "F-membership", "F-inversion"])
        var empty = sample
        empty.findings = []
        #expect(empty.overallSeverity == .note)
        #expect(RiskLevel(score: 2.9) == .low && RiskLevel(score: 3) == .medium && RiskLevel(score: 6) == .high)
    }
}
