/// One OWASP ML Top 10 risk factor: the repo's 1–5 value and the label printed beside it.
public struct OwaspScore: Sendable, Equatable, Encodable {
    public var score: Int
    /// "Easy", "Moderate" or "Difficult", as printed in the Risk Factors table.
    public var label: String

    init(_ r: ElementReader) throws(CatalogError) {
        score = try r.int("score")
        label = try r.attribute("label")
    }
}
