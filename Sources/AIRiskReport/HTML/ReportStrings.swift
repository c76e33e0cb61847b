/// The report's translations: UI labels in English and Japanese, and Japanese for the definitions and strings the
/// probes write into the results. The tables live in `Resources/report-strings.json` (see ``ReportStringsFile``).
enum ReportStrings {
    private static let file = ReportStringsFile.bundled

    /// Label key → (English, Japanese).
    static var table: [String: (en: String, ja: String)] { file.labels }

    /// Japanese for the methods and metric definitions the probes write, by the definition's English term: the
    /// term's Japanese name and the definition. A term the table does not know stays English.
    static var definitionsJA: [String: (term: String, text: String)] { file.definitions }

    /// Japanese for whole strings the probes write (probe and table titles, metric names, units, column heads,
    /// chart labels), by the English string.
    static var dataJA: [String: String] { file.data }

    /// Patterns: an English prefix and suffix around a value kept as is, and the Japanese with `{0}` for it.
    static var dataPatternsJA: [(prefix: String, suffix: String, ja: String)] { file.dataPatterns }

    static func label(_ key: String, _ lang: ReportLanguage) -> String {
        guard let entry = table[key] else { return key }
        return lang == .ja ? entry.ja : entry.en
    }

    /// Every label in one language, for the template's `t` object.
    static func all(_ lang: ReportLanguage) -> [String: String] {
        table.mapValues { lang == .ja ? $0.ja : $0.en }
    }
}
