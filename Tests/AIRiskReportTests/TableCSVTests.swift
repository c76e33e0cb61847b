import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

/// Long probe tables (every member's score) go beside the reports as CSV; the page shows their first rows.
@Suite("Per-record CSV")
struct TableCSVTests {
    static func withScores(_ count: Int) -> AssessmentResults {
        var r = SampleResults.make()
        var rows: [[TableCell]] = []
        for i in 0..<count {
            let index = Double(i)
            let label = Double(i % 10)
            let score = Double(i) / 7
            rows.append([.number(index), .number(label), .number(score), .text(i < 3 ? "yes" : "no")])
        }
        let columns = ["Member index", "Label", "Score", "Flagged"]
        r.probes[0].tables.append(ResultTable(title: "Per-record scores (LiRA offline)", columns: columns, rows: rows))
        return r
    }

    @Test("a table longer than the page holds is written as CSV, one row per record, and the page names the file")
    func export() throws {
        let r = Self.withScores(200)
        let files = TableCSV.files(r)
        #expect(files.map(\.name) == ["membership-per-record-scores.csv"])
        let lines = String(decoding: try #require(files.first).data, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 201)
        #expect(lines[0] == "Member index,Label,Score,Flagged")
        #expect(lines[1] == "0.0,0.0,0.0,yes")
        #expect(lines[8] == "7.0,7.0,1.0,no")
        let html = try HTMLReport.render(r)
        #expect(html.contains("The first 20 of 200 rows; all of them are in membership-per-record-scores.csv"))
        #expect(!html.contains(">199<"))
    }

    @Test("the writer puts the CSV beside report.html, and not without it")
    func written() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = Self.withScores(30)
        let written = try ReportWriter.write(r, formats: [.html], to: dir)
        #expect(written.map(\.lastPathComponent).sorted() == ["membership-per-record-scores.csv", "report.html"])
        let other = dir.appendingPathComponent("json")
        #expect(try ReportWriter.write(r, formats: [.json], to: other).map(\.lastPathComponent) == ["results.json"])
    }

    @Test("cells a spreadsheet would run as formulas are defused, and separators are quoted")
    func escaping() {
        #expect(TableCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(TableCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(TableCSV.field("a,b") == "\"a,b\"")
        #expect(TableCSV.field("plain") == "plain")
        #expect(
            TableCSV.fileName(probeID: "membership", title: "Per-record scores (x)")
                == "membership-per-record-scores.csv")
    }
}
