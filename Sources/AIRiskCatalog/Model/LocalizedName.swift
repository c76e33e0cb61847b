/// An entry's name in Japanese and English (the AI Security Matrix is Japanese; the other frameworks English).
package struct LocalizedName: Sendable, Equatable, Encodable, ElementProperty {
    package var ja: String
    package var en: String

    /// The `<name lang="ja">` and `<name lang="en">` children of the entry's element.
    package init(from decoder: any Decoder) throws {
        let r = try ElementDecoder.element(of: decoder)
        var ja: String?
        var en: String?
        for name in r.children("name") {
            switch name.optional("lang") {
            case "ja": ja = name.text
            case "en": en = name.text
            default: break
            }
        }
        guard let ja, let en else {
            throw r.issue("<\(r.element.name)> needs a Japanese and an English <name>", id: r.optional("id"))
        }
        self.ja = ja
        self.en = en
    }

    /// The name in `language`.
    package func text(_ language: Language) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}
