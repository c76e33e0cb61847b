import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

@Suite("HTML report")
struct HTMLReportTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("hostile strings from the model, notes and findings render as text, never as markup")
    func escaping() throws {
        let html = try HTMLReport.render(SampleResults.make())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>bold?</b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
    }

    @Test("the page is self-contained: inline CSS and SVG, data: images, no scripts or remote fetches")
    func selfContained() throws {
        let html = try HTMLReport.render(SampleResults.make())
        #expect(html.contains("<style>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("src=\"data:image/png;base64,"))
        for forbidden in ["<script", "<link", "http://", "https://", "@import", "url("] {
            let allowed = ["http://www.w3.org/2000/svg"]
            var rest = html
            for a in allowed { rest = rest.replacingOccurrences(of: a, with: "") }
            #expect(!rest.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test("the matrix marks cells no probe covered as not assessed and lists their catalog defenses")
    func coverage() throws {
        let html = try HTMLReport.render(SampleResults.make())
        #expect(
            html.components(separatedBy: "cell-not-assessed\"><span class=\"cell-label\">Not assessed").count - 1 == 3)
        #expect(html.contains("Trigger detection (STRIP)"))
        #expect(html.contains("cell-sev-critical\"><span class=\"cell-label\">critical"))
        #expect(html.contains("cell-sev-high\"><span class=\"cell-label\">high"))
        #expect(html.components(separatedBy: "<td class=\"cell-na\"").count - 1 == 10)
    }

    @Test("Japanese labels and a Japanese font stack")
    func japanese() throws {
        let html = try HTMLReport.render(SampleResults.make(), options: .init(language: .ja))
        #expect(html.contains("<html lang=\"ja\">"))
        #expect(html.contains("エグゼクティブサマリー"))
        #expect(html.contains("データ窃取"))
        #expect(html.contains("\"Hiragino Sans\"") && html.contains("\"Noto Sans CJK JP\"") && html.contains("Meiryo"))
    }

    @Test("rendering is deterministic")
    func deterministic() throws {
        #expect(try HTMLReport.render(SampleResults.make()) == HTMLReport.render(SampleResults.make()))
    }

    @Test("a team's template directory replaces the bundled page, and bad templates are reported")
    func customTemplates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<p>{{model.name}} {{overall.label}}</p>".write(
            to: dir.appendingPathComponent("report.html.mustache"), atomically: true, encoding: .utf8)
        let set = try TemplateSet.overriding(from: dir)
        #expect(set.files["report.css"] == TemplateSet.bundled.files["report.css"])
        let html = try HTMLReport.render(SampleResults.make(), options: .init(templates: set))
        #expect(
            html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;model&#39; critical</p>")
        let broken = TemplateSet(files: ["report.html.mustache": "{{#open}}", "report.css": ""])
        #expect(throws: ReportError.self) {
            try HTMLReport.render(SampleResults.make(), options: .init(templates: broken))
        }
    }

    @Test("every template in Sources/AIRiskReport/Resources is compiled into the binary")
    func bundledInSync() throws {
        let dir = Self.repoRoot.appendingPathComponent("Sources/AIRiskReport/Resources")
        // report-strings.json is the labels' data, not a template (ReportStringsFile reads it).
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { !$0.hasPrefix(".") && $0 != "report-strings.json" }.sorted()
        #expect(names == TemplateSet.bundled.files.keys.sorted())
        for name in names {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(TemplateSet.bundled.files[name] == text, "\(name) differs from the bundled copy")
        }
    }

    @Test("an incomplete assessment, failed probes and findings outside the matrix are shown, escaped")
    func incompleteAndUnplaced() throws {
        var r = SampleResults.make()
        r.status = .incomplete(error: "stopped at <probe>")
        r.probes[1].status = .failed(error: "gradient <NaN>")
        r.findings[2].classID = "class.<unknown>"
        let html = try HTMLReport.render(r)
        #expect(html.contains("Assessment incomplete:</strong> stopped at &lt;probe&gt;"))
        #expect(html.contains("failed — gradient &lt;NaN&gt;"))
        #expect(html.contains("Findings outside the matrix cells above"))
        #expect(html.contains("Deployment × class.&lt;unknown&gt;"))
    }
}
