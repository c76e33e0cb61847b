import AIRiskSupport

/// The translation tables of `Resources/report-strings.json`, embedded in the binary at build time (SwiftPM
/// `.embedInCode`) and read once: `labels` (key → `en`, `ja`), `definitions` (English term → Japanese `term`,
/// `text`), `data` (English → Japanese) and `dataPatterns` (`prefix`, `suffix`, `ja`, tried in file order).
///
/// The file ships inside the binary, so a malformed one is a broken build, not bad input: reading it stops the
/// program with the file's fault rather than rendering a report with labels missing.
struct ReportStringsFile {
    var labels: [String: (en: String, ja: String)]
    var definitions: [String: (term: String, text: String)]
    var data: [String: String]
    var dataPatterns: [(prefix: String, suffix: String, ja: String)]

    static let bundled = ReportStringsFile(PackageResources.report_strings_json)

    init(_ bytes: [UInt8]) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            Self.fail("\(error)")
        }
        labels = Self.table(root, "labels") { ($0.text("en"), $0.text("ja")) }
        definitions = Self.table(root, "definitions") { ($0.text("term"), $0.text("text")) }
        data = Self.table(root, "data") { entry in
            guard let ja = entry.stringValue else { Self.fail("a \"data\" entry is not a string") }
            return ja
        }
        guard let patterns = root["dataPatterns"]?.arrayValue else { Self.fail("no \"dataPatterns\" array") }
        dataPatterns = patterns.map { ($0.text("prefix"), $0.text("suffix"), $0.text("ja")) }
    }

    /// The object member `name` of the file, its entries read by `entry`; a key given twice is a fault.
    private static func table<Entry>(
        _ root: JSONValue, _ name: String, _ entry: (JSONValue) -> Entry
    ) -> [String: Entry] {
        guard case .object(let members)? = root[name] else { fail("no \"\(name)\" object") }
        return Dictionary(members.map { ($0.0, entry($0.1)) }) { _, _ in fail("a key of \"\(name)\" is given twice") }
    }

    fileprivate static func fail(_ fault: String) -> Never {
        preconditionFailure("Resources/report-strings.json: \(fault)")
    }
}

extension JSONValue {
    /// The string member `key` of one of the file's entries.
    fileprivate func text(_ key: String) -> String {
        guard let text = self[key]?.stringValue else { ReportStringsFile.fail("an entry lacks the string \"\(key)\"") }
        return text
    }
}
