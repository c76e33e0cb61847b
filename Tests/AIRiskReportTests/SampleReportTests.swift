import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

/// Writes the sample report in every format; scripts/screenshot_report.sh sets AIRISK_SAMPLE_REPORT_DIR to keep
/// the files and screenshot report.html.
@Suite("Sample report")
struct SampleReportTests {
    @Test("every format of the sample report is written, in English and Japanese")
    func writeSample() throws {
        let env = ProcessInfo.processInfo.environment["AIRISK_SAMPLE_REPORT_DIR"]
        let dir =
            env.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("airisk-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if env == nil { try? FileManager.default.removeItem(at: dir) } }
        let en = dir.appendingPathComponent("en")
        let ja = dir.appendingPathComponent("ja")
        let written = try ReportWriter.write(SampleResults.make(), formats: ReportFormat.allCases, to: en)
        _ = try ReportWriter.write(
            SampleResults.make(), formats: [.html], to: ja, options: ReportWriter.Options(language: .ja))
        #expect(written.map(\.lastPathComponent).sorted() == ReportFormat.allCases.map(\.fileName).sorted())
        for url in written {
            #expect((try Data(contentsOf: url)).count > 200, "\(url.lastPathComponent) is nearly empty")
        }
    }
}

@Suite("Report writer")
struct ReportWriterTests {
    @Test("image files referenced by the results are embedded from the resource directory")
    func embedsReferencedImages() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("images"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try SampleResults.meanPNG.write(to: dir.appendingPathComponent("images/inversion-class-1.png"))
        let out = dir.appendingPathComponent("out")
        try ReportWriter.write(
            SampleResults.make(), formats: [.html], to: out, options: .init(resourceDirectory: dir))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1 == 3)
        // Without the file, the page names the missing image instead of linking outside itself.
        try ReportWriter.write(SampleResults.make(), formats: [.html], to: out)
        let without = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(without.components(separatedBy: "src=\"data:image/png;base64,").count - 1 == 2)
        #expect(without.contains("images/inversion-class-1.png"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["report.html"])
    }
}
