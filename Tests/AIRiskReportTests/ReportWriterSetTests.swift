import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

private struct DiskFull: Error {}

@Suite("Report writer: all files or none")
struct ReportWriterSetTests {
    @Test("when one report cannot be written, the previous run's reports all stay as they were")
    func failureKeepsPreviousSet() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-set-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var previous = SampleResults.make()
        previous.seed = 1
        try ReportWriter.write(previous, formats: ReportFormat.allCases, to: dir)
        let before = try ReportFormat.allCases.map { try Data(contentsOf: dir.appendingPathComponent($0.fileName)) }
        var next = SampleResults.make()
        next.seed = 2
        #expect(throws: ReportError.self) {
            _ = try ReportWriter.write(next, formats: ReportFormat.allCases, to: dir, options: .init()) { data, url in
                if url.lastPathComponent == ReportFormat.sarif.fileName { throw DiskFull() }
                try data.write(to: url)
            }
        }
        let after = try ReportFormat.allCases.map { try Data(contentsOf: dir.appendingPathComponent($0.fileName)) }
        #expect(after == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == ReportFormat.allCases.count)
        // The same write without the failure replaces the whole set.
        try ReportWriter.write(next, formats: ReportFormat.allCases, to: dir)
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(doc.seed == 2)
    }

    @Test("a stale temporary file of a killed run is removed on the next write")
    func removesStaleTemporary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Left by `kill -9` during a write; PID 4194305 is above Linux's pid_max, so its process is gone.
        let stale = dir.appendingPathComponent(".report.html.tmp-4194305-2873465")
        try Data("<html>half".utf8).write(to: stale)
        try ReportWriter.write(SampleResults.make(), formats: [.html], to: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.html"])
    }
}
