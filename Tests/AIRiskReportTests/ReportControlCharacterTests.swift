import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

/// Names from a hostile model (ESC sequences, BEL, a C1 CSI, a right-to-left override) in every field that
/// reaches a report.
private let esc = "\u{1B}]0;pwned\u{7}\u{1B}[2J"
private let c1 = "\u{9B}31m"
private let rlo = "\u{202E}gpj.exe"

private func hostileResults() -> AssessmentResults {
    var r = SampleResults.make()
    r.model.name = "model\(esc).onnx"
    r.model.producer = "evil\(esc) \(c1) \(rlo)"
    r.model.location = "/tmp/\(rlo)/model\(esc).onnx"
    r.model.operators = ["Relu\(esc)"]
    r.status = .incomplete(error: "extraction: unsupported operator 'Relu\(esc)\(c1)'")
    if let i = r.probes.firstIndex(where: { $0.id == "extraction" }) {
        r.probes[i].status = .failed(error: "endpoint said: \(esc)\(c1)\(rlo)")
    }
    return r
}

/// Raw control bytes: C0 other than tab, newline and carriage return; DEL; C1 in UTF-8; bidi overrides in UTF-8.
private func rawControls(_ data: Data) -> [String] {
    let bytes = [UInt8](data)
    var found: [String] = []
    for (i, b) in bytes.enumerated() {
        if (b < 0x20 && ![0x09, 0x0A, 0x0D].contains(b)) || b == 0x7F {
            found.append(String(format: "0x%02X@%d", b, i))
        }
        if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { found.append("C1@\(i)") }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0xAA...0xAE).contains(bytes[i + 2]) {
            found.append("bidi@\(i)")
        }
    }
    return found
}

@Suite("Control characters in reports")
struct ReportControlCharacterTests {
    @Test("no format carries a raw control character from a hostile name", arguments: ReportFormat.allCases)
    func noRawControls(format: ReportFormat) throws {
        let data = try ReportWriter.render(hostileResults(), format: format)
        #expect(rawControls(data).isEmpty, "\(format): \(rawControls(data).prefix(5))")
    }

    @Test("the page shows control characters as visible escapes")
    func htmlShowsEscapes() throws {
        let html = String(decoding: try ReportWriter.render(hostileResults(), format: .html), as: UTF8.self)
        #expect(html.contains("model\\u{1B}]0;pwned\\u{7}\\u{1B}[2J.onnx"))
        #expect(html.contains("\\u{202E}gpj.exe"))
    }

    @Test("results.xml and results.json keep C1 and bidirectional characters as escapes that read back")
    func canonicalFormsRoundTrip() throws {
        let results = hostileResults()
        let xml = try ReportWriter.render(results, format: .resultsXML)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("&#x9B;31m") && text.contains("&#x202E;gpj.exe"))
        let back = try ResultsDocument.read(xml, fileName: "results.xml")
        // XML 1.0 cannot carry C0 controls: they are dropped; the rest reads back unchanged.
        #expect(back.model.producer == "evil]0;pwned[2J \(c1) \(rlo)")
        let json = try ReportWriter.render(results, format: .json)
        #expect(String(decoding: json, as: UTF8.self).contains("\\u009b31m"))
        #expect(try JSONReport.decode(json).model.producer == results.model.producer)
    }
}
