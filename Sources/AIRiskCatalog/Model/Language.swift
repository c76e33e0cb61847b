/// A language the catalog names its entries in.
public enum Language: String, Sendable, Codable, CaseIterable {
    case ja
    case en
}
