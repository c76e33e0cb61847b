import AIRiskResults
import Foundation
import Testing

@testable import AIRiskReport

/// The report as a browser lays it out (headless Chromium): no sideways page scroll at 390 px, and every chart
/// label inside its chart, in English and Japanese (issue 21, layout). Enabled only where Chromium is installed.
@Suite("Report in a browser")
struct BrowserLayoutTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Measures the page in the browser: the document's scroll width, and the SVG text elements whose box leaves
    /// their chart's viewBox. The script is added to a test copy of the page only; reports carry no scripts. The
    /// page runs in an iframe of the width under test (headless Chromium's window is at least 500 px wide) and
    /// posts its measurement to the outer page, whose DOM the browser dumps.
    static let probe = """
        <script>
        window.addEventListener('load', () => {
          const out = [];
          for (const svg of document.querySelectorAll('svg')) {
            const vb = svg.viewBox.baseVal;
            for (const t of svg.querySelectorAll('text')) {
              if (t.getAttribute('transform')) continue;
              const b = t.getBBox();
              if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > vb.width + 0.5 || b.y + b.height > vb.height + 0.5)
                out.push(t.textContent + ' @' + Math.round(b.x) + '+' + Math.round(b.width) + ' of ' + vb.width);
            }
          }
          parent.postMessage('scrollWidth=' + document.documentElement.scrollWidth + '\\n' + out.join('\\n'), '*');
        });
        </script>
        """

    static func frame(width: Int) -> String {
        """
        <!DOCTYPE html><html><body style="margin:0">
        <iframe src="report.html" style="width:\(width)px;height:2400px;border:0"></iframe>
        <pre id="layout-result"></pre>
        <script>addEventListener('message', e => { document.getElementById('layout-result').textContent = e.data; });
        </script></body></html>
        """
    }

    /// The page laid out `width` pixels wide: its scroll width and the chart labels outside their charts.
    static func measure(_ html: String, width: Int) throws -> (scrollWidth: Int, overflowing: [String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        try html.replacingOccurrences(of: "</body>", with: probe + "</body>").write(
            to: page, atomically: true, encoding: .utf8)
        let outer = dir.appendingPathComponent("frame.html")
        try Self.frame(width: width).write(to: outer, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width + 100),3000",
            "--virtual-time-budget=5000", "--user-data-dir=\(dir.path)/profile", "--dump-dom", outer.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Bounded: a browser that hangs is stopped after a minute.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let start = try #require(dom.range(of: "<pre id=\"layout-result\">"), "no measurement in the dumped page")
        let end = try #require(dom[start.upperBound...].range(of: "</pre>"))
        let lines = dom[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
        let width = try #require(lines.first.flatMap { Int($0.dropFirst("scrollWidth=".count)) })
        return (width, Array(lines.dropFirst()))
    }

    @Test(
        "at 390 px the page is no wider than the screen and every chart label stays inside its chart",
        .enabled(if: chromium != nil, "Chromium is not installed"),
        arguments: [ReportLanguage.en, .ja])
    func phone(_ lang: ReportLanguage) throws {
        let html = try HTMLReport.render(ReportSectionsTests.withMeasuredDefenses(), options: .init(language: lang))
        let phone = try Self.measure(html, width: 390)
        #expect(phone.scrollWidth <= 390, "page is \(phone.scrollWidth) px wide at 390 px")
        #expect(phone.overflowing.isEmpty, "\(phone.overflowing)")
        let desktop = try Self.measure(html, width: 1200)
        #expect(desktop.scrollWidth <= 1200)
        #expect(desktop.overflowing.isEmpty, "\(desktop.overflowing)")
    }

    @Test(
        "the demo's report fits a phone too, in English and Japanese",
        .enabled(if: chromium != nil, "Chromium is not installed"),
        arguments: [ReportLanguage.en, .ja])
    func demoOnPhone(_ lang: ReportLanguage) throws {
        let results = try ResultsDocument.read(
            contentsOf: TestSupport.fixtures.appendingPathComponent("demo/results.xml"))
        let phone = try Self.measure(HTMLReport.render(results, options: .init(language: lang)), width: 390)
        #expect(phone.scrollWidth <= 390, "page is \(phone.scrollWidth) px wide at 390 px")
        #expect(phone.overflowing.isEmpty, "\(phone.overflowing)")
    }
}
