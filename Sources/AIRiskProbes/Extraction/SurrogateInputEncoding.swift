import AIRiskAccess

/// How a dense surrogate reads a query row. A quantity is read as it is; a categorical column, which holds a category
/// index, becomes one indicator per category plus one for a category the model does not know: an index is a label,
/// and a copy that reads "management = 2" as twice "skilled = 1" learns an order the target never had.
struct SurrogateInputEncoding: Sendable, Equatable {
    /// Per position of the raw row: nil for a quantity, else the number of indicators (categories + 1) or, for
    /// free text, of hashed word buckets.
    let indicators: [Int?]
    /// Per position: for a free-text column, each text's words (see ``TextBag``); nil otherwise.
    let textBags: [[TextBag]?]
    /// Per position of the raw row: where its value, indicators or buckets start in the encoded row.
    let offsets: [Int]
    /// The width of an encoded row.
    let encodedWidth: Int

    /// `domains` per position of a row of `width` values (nil, or a different count: every position a quantity).
    /// A free-text column is read as its text's words, hashed into ``textBuckets`` buckets (a copy that read
    /// each text as a category of its own would know nothing of a text it was not queried with).
    init(domains: [FeatureDomain]?, width: Int) {
        var indicators = [Int?](repeating: nil, count: width)
        var bags = [[TextBag]?](repeating: nil, count: width)
        if let domains, domains.count == width {
            for (j, domain) in domains.enumerated() {
                switch domain {
                case .categorical(let categories): indicators[j] = categories.count + 1
                case .text(let texts):
                    indicators[j] = Self.textBuckets
                    bags[j] = texts.map { TextBag($0, buckets: Self.textBuckets) }
                default: break
                }
            }
        }
        self.indicators = indicators
        textBags = bags
        var offsets: [Int] = []
        var width = 0
        for k in indicators {
            offsets.append(width)
            width += k ?? 1
        }
        self.offsets = offsets
        encodedWidth = width
    }

    /// The number of hashed word buckets a free-text column is read into.
    static let textBuckets = 256

    /// Whether a position of this domain is encoded rather than read as a quantity.
    static func encodes(_ domain: FeatureDomain) -> Bool {
        switch domain {
        case .categorical, .text: true
        default: false
        }
    }

    /// Whether the encoding leaves rows as they are.
    var isIdentity: Bool { indicators.allSatisfy { $0 == nil } }

    /// `rows` raw rows, encoded. A category index outside 0..<categories (or not a whole number, or NaN) sets the
    /// unknown category's indicator.
    func encode(_ x: [Float], rows: Int) -> [Float] {
        guard !isIdentity else { return x }
        let d = indicators.count
        var out = [Float](repeating: 0, count: rows * encodedWidth)
        for r in 0..<rows {
            for j in 0..<d {
                let v = x[r * d + j]
                let o = r * encodedWidth + offsets[j]
                if let bags = textBags[j] {
                    // An index outside the texts is the empty text: no word.
                    if v.isFinite, v >= 0, v < Float(bags.count), v == v.rounded() {
                        let bag = bags[Int(v)]
                        for (b, w) in zip(bag.buckets, bag.weights) { out[o + b] += w }
                    }
                } else if let k = indicators[j] {
                    let index = v.isFinite && v >= 0 && v < Float(k - 1) && v == v.rounded() ? Int(v) : k - 1
                    out[o + index] = 1
                } else {
                    out[o] = v
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
            for j in 0..<d where indicators[j] == nil {
                out[r * d + j] = g[r * encodedWidth + offsets[j]]
            }
        }
        return out
    }
}

/// A text as its words for a surrogate: lower-cased runs of letters, digits and `_`, each hashed (FNV-1a, the same
/// in every process) into one of `buckets` buckets, counts scaled to unit length.
struct TextBag: Sendable, Equatable {
    var buckets: [Int]
    var weights: [Float]

    init(_ text: String, buckets count: Int) {
        var counts: [Int: Float] = [:]
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in word { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            counts[Int(h % UInt64(count)), default: 0] += 1
            word.removeAll(keepingCapacity: true)
        }
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "_" { word.append(contentsOf: c.utf8) } else { flush() }
        }
        flush()
        let norm = counts.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let sorted = counts.sorted { $0.key < $1.key }
        buckets = sorted.map(\.key)
        weights = sorted.map { norm > 0 ? $0.value / norm : 0 }
    }
}
