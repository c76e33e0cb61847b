/// An entry's name in Japanese and English (the AI Security Matrix is Japanese; the other frameworks English).
package struct LocalizedName: Sendable, Equatable, Encodable {
    package var ja: String
    package var en: String

    /// The name in `language`.
    package func text(_ language: Language) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}
