import AIRiskResults
import AIRiskSupport
import AIRiskXML
import Foundation

/// Probe tables too long for the page (every member's score, say) as CSV files beside the reports: the HTML shows
/// their first rows and names the file. Numbers are written in full (Swift's shortest round-trip form); a text
/// cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return) is prefixed with
/// `'`, and cells with commas, quotes or line breaks are quoted.
package enum TableCSV {
    /// Tables with more rows than this are exported; the page shows ``shownRows`` of them.
    package static let rowLimit = 25
    package static let shownRows = 20

    /// The file a probe's table is written to: `membership-per-record-scores.csv` for the membership probe's
    /// "Per-record scores (LiRA offline)" (the part in parentheses, an attack's name, is left out so the name is
    /// stable from run to run).
    package static func fileName(probeID: String, title: String) -> String {
        var base = title
        if let open = base.range(of: " (") { base = String(base[..<open.lowerBound]) }
        let slug = (probeID + "-" + base).lowercased().unicodeScalars.map { s -> String in
            (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(Character(s)) ? String(s) : "-"
        }.joined()
        let collapsed = slug.split(separator: "-").joined(separator: "-")
        return collapsed + ".csv"
    }

    /// Every table longer than ``rowLimit`` rows, as (file name, CSV bytes).
    package static func files(_ results: AssessmentResults) -> [(name: String, data: Data)] {
        var out: [(name: String, data: Data)] = []
        for probe in results.probes {
            for table in probe.tables where table.rows.count > rowLimit {
                let name = fileName(probeID: probe.id, title: table.title)
                guard !out.contains(where: { $0.name == name }) else { continue }
                out.append((name, Data(csv(table).utf8)))
            }
        }
        return out
    }

    static func csv(_ table: ResultTable) -> String {
        var lines = [table.columns.map(field).joined(separator: ",")]
        for row in table.rows {
            lines.append(
                row.map { cell in
                    switch cell {
                    case .number(let n): n.isNaN ? "NaN" : "\(n)"
                    case .text(let s): field(s)
                    }
                }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        var s = ControlCharacters.escaped(text, keeping: ["\n"])
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
