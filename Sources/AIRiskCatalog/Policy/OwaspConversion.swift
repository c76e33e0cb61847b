/// A policy's conversion of OWASP ML Top 10 values (1–5) to 0–9 scores: read from its `<map owasp="…" score="…"/>`
/// entries (a later entry for a value wins), written as one JSON object from value to score.
package struct OwaspConversion: Sendable, Equatable, Codable {
    /// One `<map>` entry.
    private struct Entry: CatalogElement {
        var owasp: Int
        var score: Int
    }

    package var scores: [Int: Int]

    /// The 0–9 score of an OWASP value, nil when the policy does not convert it.
    package subscript(owasp: Int) -> Int? { scores[owasp] }

    package init(from decoder: any Decoder) throws {
        scores = Dictionary(try [Entry](from: decoder).map { ($0.owasp, $0.score) }) { $1 }
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(scores)
    }
}
