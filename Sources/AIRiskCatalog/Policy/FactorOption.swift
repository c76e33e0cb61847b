/// One option of an OWASP Risk Rating factor and its 0–9 score.
package struct FactorOption: Sendable, Equatable, Encodable, CatalogElement {
    package var score: Int
    package var label: String

    static let xmlSources: [String: XMLSource] = [
        "label": .text
    ]
}
