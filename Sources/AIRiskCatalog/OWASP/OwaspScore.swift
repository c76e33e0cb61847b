/// One OWASP ML Top 10 risk factor: the repo's 1–5 value and the label printed beside it.
package struct OwaspScore: Sendable, Equatable, Encodable, CatalogElement {
    package var score: Int
    /// "Easy", "Moderate" or "Difficult", as printed in the Risk Factors table.
    package var label: String
}
