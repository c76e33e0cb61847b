/// One option of an OWASP Risk Rating factor and its 0–9 score.
package struct FactorOption: Sendable, Equatable, Encodable {
    package var score: Int
    package var label: String

    init(_ r: ElementReader) throws(CatalogError) {
        score = try r.int("score")
        label = r.text
    }
}
