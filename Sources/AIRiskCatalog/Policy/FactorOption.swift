/// One option of an OWASP Risk Rating factor and its 0–9 score.
public struct FactorOption: Sendable, Equatable, Encodable {
    public var score: Int
    public var label: String

    init(_ r: ElementReader) throws(CatalogError) {
        score = try r.int("score")
        label = r.text
    }
}
