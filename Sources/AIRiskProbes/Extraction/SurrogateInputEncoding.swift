import AIRiskAccess

/// How a dense surrogate reads a query row. A quantity is read as it is; a categorical column, which holds a category
/// index, becomes one indicator per category plus one for a category the model does not know: an index is a label,
/// and a copy that reads "management = 2" as twice "skilled = 1" learns an order the target never had.
struct SurrogateInputEncoding: Sendable, Equatable {
    /// Per position of the raw row: nil for a quantity, else the number of indicators (categories + 1).
    let indicators: [Int?]
    /// The width of an encoded row.
    let encodedWidth: Int

    /// `domains` per position of a row of `width` values (nil, or a different count: every position a quantity).
    init(domains: [FeatureDomain]?, width: Int) {
        var indicators = [Int?](repeating: nil, count: width)
        if let domains, domains.count == width {
            for (j, domain) in domains.enumerated() {
                guard let categories = domain.indexedValues else { continue }
                // Free text with more distinct texts than this is read as its index: one indicator per text
                // would make every query row that wide.
                if case .text = domain, categories.count > Self.maxTextIndicators { continue }
                indicators[j] = categories.count + 1
            }
        }
        self.indicators = indicators
        encodedWidth = indicators.reduce(0) { $0 + ($1 ?? 1) }
    }

    /// The most distinct texts a free-text column is read one-hot with.
    static let maxTextIndicators = 4_096

    /// Whether the encoding leaves rows as they are.
    var isIdentity: Bool { indicators.allSatisfy { $0 == nil } }

    /// `rows` raw rows, encoded. A category index outside 0..<categories (or not a whole number, or NaN) sets the
    /// unknown category's indicator.
    func encode(_ x: [Float], rows: Int) -> [Float] {
        guard !isIdentity else { return x }
        let d = indicators.count
        var out = [Float](repeating: 0, count: rows * encodedWidth)
        for r in 0..<rows {
            var o = r * encodedWidth
            for j in 0..<d {
                let v = x[r * d + j]
                if let k = indicators[j] {
                    let index = v.isFinite && v >= 0 && v < Float(k - 1) && v == v.rounded() ? Int(v) : k - 1
                    out[o + index] = 1
                    o += k
                } else {
                    out[o] = v
                    o += 1
                }
            }
        }
        return out
    }

    /// A gradient with respect to the encoded row, as one with respect to the raw row: a quantity's passes through;
    /// a category index has none (it moves in steps, not along a slope).
    func rawGradient(_ g: [Float], rows: Int) -> [Float] {
        guard !isIdentity else { return g }
        let d = indicators.count
        var out = [Float](repeating: 0, count: rows * d)
        for r in 0..<rows {
            var o = r * encodedWidth
            for j in 0..<d {
                if let k = indicators[j] {
                    o += k
                } else {
                    out[r * d + j] = g[o]
                    o += 1
                }
            }
        }
        return out
    }
}
