/// A language the catalog names its entries in.
package enum Language: String, Sendable, Codable, CaseIterable {
    case ja
    case en
}
