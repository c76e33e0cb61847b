/// An entry's name in Japanese and English (the AI Security Matrix is Japanese; the other frameworks English).
public struct LocalizedName: Sendable, Equatable, Encodable {
    public var ja: String
    public var en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    /// The name in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}
