import AIRiskResults
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
