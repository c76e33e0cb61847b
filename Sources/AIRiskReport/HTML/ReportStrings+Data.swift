/// Japanese for the strings the probes write into the results: whole strings by ``ReportStrings/dataJA``, and the
/// ones that carry a value or an attack's name by ``ReportStrings/dataPatternsJA``. A string the report does not know
/// stays as the results wrote it.
extension ReportStrings {
    /// `text` in Japanese where the table or a pattern knows it, else unchanged.
    static func translate(_ text: String) -> String {
        if let ja = dataJA[text] { return ja }
        for p in dataPatternsJA
        where text.hasPrefix(p.prefix) && text.hasSuffix(p.suffix) && text.count > p.prefix.count + p.suffix.count {
            let value = String(text.dropFirst(p.prefix.count).dropLast(p.suffix.count))
            return p.ja.replacingOccurrences(of: "{0}", with: translate(value))
        }
        // A scoring context: "data sensitivity medium (6), exposure internal (-2), white-box access (+1)".
        if text.hasPrefix("data sensitivity ") {
            var out = text
            for (en, ja) in [
                ("data sensitivity ", "データの機微度 "), ("exposure ", "公開範囲 "), (" access", " アクセス"),
                ("medium", "中"), ("high", "高"), ("low", "低"), ("internal", "社内"), ("public", "公開"),
            ] {
                out = out.replacingOccurrences(of: en, with: ja)
            }
            return out
        }
        // Settings joined by " · " (an extraction attack's query source · surrogate · loss): part by part.
        if text.contains(" · ") {
            let parts = text.components(separatedBy: " · ")
            let translated = parts.map(translate)
            if translated != parts { return translated.joined(separator: " · ") }
        }
        // "Membership inference: High risk" (a finding's title): both halves by the table.
        if let colon = text.range(of: ": ") {
            let head = String(text[..<colon.lowerBound])
            let tail = String(text[colon.upperBound...])
            if let h = dataJA[head], let t = dataJA[tail] { return h + ": " + t }
        }
        return text
    }
}
