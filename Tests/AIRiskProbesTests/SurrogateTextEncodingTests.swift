import AIRiskAccess
import Testing

@testable import AIRiskProbes

/// How a surrogate reads a free-text column: the text's words, hashed into buckets, not the text's index.
@Suite("surrogate encoding of free text")
struct SurrogateTextEncodingTests {
    @Test("a text index becomes its words' buckets at unit length; case and punctuation do not matter")
    func wordsNotIndices() {
        let texts = ["Goal, goal match!", "goal match goal", "rain today"]
        let e = SurrogateInputEncoding(domains: [.continuous, .text(texts)], width: 2)
        #expect(e.encodedWidth == 1 + SurrogateInputEncoding.textBuckets)
        let rows = e.encode([0.5, 0, 0.5, 1, 0.5, 2, 0.5, 3], rows: 4)
        let w = e.encodedWidth
        func row(_ r: Int) -> ArraySlice<Float> { rows[(r * w + 1)..<((r + 1) * w)] }
        #expect(rows[0] == 0.5)
        #expect(row(0) == row(1), "the same words in another order and case")
        #expect(row(0) != row(2))
        let norm = row(2).reduce(0) { $0 + $1 * $1 }
        #expect(abs(norm - 1) < 1e-6)
        #expect(row(3).allSatisfy { $0 == 0 }, "an index past the texts is the empty text")
        #expect(e.rawGradient([Float](repeating: 1, count: 4 * w), rows: 4) == [1, 0, 1, 0, 1, 0, 1, 0])
    }

    @Test("the buckets are the same in every process (FNV-1a, not Swift's seeded hasher)")
    func stableHash() {
        #expect(TextBag("match", buckets: 256).buckets == TextBag("MATCH", buckets: 256).buckets)
        // FNV-1a of "match" is 0xc3bfe3a4fe4c13f6 (computed independently, in Python); mod 256 = 246.
        #expect(TextBag("match", buckets: 256).buckets == [246])
    }
}
