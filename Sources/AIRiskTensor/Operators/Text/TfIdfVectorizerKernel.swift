/// ai.onnx TfIdfVectorizer (opset 9): counts, per row of a `[C]` or `[N, C]` tensor of strings or
/// integers, the n-grams of `pool_strings` / `pool_int64s` (lengths `min_gram_length` to
/// `max_gram_length`, items `skip + 1` apart for every skip up to `max_skip_count`; a 1-gram is
/// counted once), and writes each count to the output column `ngram_indexes` gives its n-gram:
/// mode TF writes the count, IDF the n-gram's weight when the count is positive, TFIDF the count
/// times the weight (weights default to 1). The output is `[max(ngram_indexes) + 1]` or
/// `[N, max(ngram_indexes) + 1]` floats, as in onnxruntime. Not differentiable.
struct TfIdfVectorizerKernel: ForwardOnlyKernel {
    static let opType = "TfIdfVectorizer"

    enum Mode: String {
        case tf = "TF"
        case idf = "IDF"
        case tfidf = "TFIDF"
    }

    /// One item of an n-gram: a string or an integer, whichever the pool holds.
    enum Item: Hashable {
        case string(String)
        case int(Int64)
    }

    let ctx: KernelContext
    let mode: Mode
    let minLength: Int
    let maxLength: Int
    let maxSkip: Int
    /// Each n-gram of the pool → its position in the pool's list of n-grams.
    let ngrams: [[Item]: Int]
    let outputColumns: [Int]
    let weights: [Float]
    let width: Int
    let poolIsStrings: Bool

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        let a = MLAttributes(node: node)
        let modeName = try a.string("mode", default: "")
        guard let mode = Mode(rawValue: modeName) else {
            throw ctx.attributeError("mode", "is '\(modeName)'; expected TF, IDF or TFIDF")
        }
        self.mode = mode
        let minimum = try a.int("min_gram_length", default: 0)
        let maximum = try a.int("max_gram_length", default: 0)
        let skip = try a.int("max_skip_count", default: 0)
        guard minimum >= 1, minimum <= maximum, maximum <= 1 << 16 else {
            throw ctx.attributeError(
                "min_gram_length", "is \(minimum) with max_gram_length \(maximum); expected 1 ≤ min ≤ max")
        }
        guard skip >= 0, skip <= 1 << 16 else {
            throw ctx.attributeError("max_skip_count", "is \(skip); expected ≥ 0")
        }
        minLength = Int(minimum)
        maxLength = Int(maximum)
        maxSkip = Int(skip)
        let pool: [Item]
        if let strings = try a.strings("pool_strings"), !strings.isEmpty {
            pool = strings.map { .string($0) }
            poolIsStrings = true
        } else if let ints = try a.int64s("pool_int64s"), !ints.isEmpty {
            pool = ints.map { .int($0) }
            poolIsStrings = false
        } else {
            throw ctx.attributeError(
                "pool_strings", "and pool_int64s are both missing or empty; one must list the n-grams")
        }
        let counts = (try a.int64s("ngram_counts") ?? []).map { Int(clamping: $0) }
        let indexes = try a.int64s("ngram_indexes") ?? []
        // ngram_counts[k] is where the (k + 1)-grams start in the pool.
        var table: [[Item]: Int] = [:]
        var id = 0
        for (k, start) in counts.enumerated() {
            let end = k + 1 < counts.count ? counts[k + 1] : pool.count
            let n = k + 1
            guard start >= 0, start <= end, end <= pool.count, (end - start) % n == 0 else {
                throw ctx.attributeError(
                    "ngram_counts",
                    "entry \(k) (\(start)..<\(end)) does not cut the pool of \(pool.count) into \(n)-grams")
            }
            var p = start
            while p < end {
                let gram = Array(pool[p..<p + n])
                if table[gram] == nil { table[gram] = id }
                id += 1
                p += n
            }
        }
        guard indexes.count == id else {
            throw ctx.attributeError("ngram_indexes", "has \(indexes.count) entries but the pool holds \(id) n-grams")
        }
        guard indexes.allSatisfy({ $0 >= 0 && $0 < Int64(Int32.max) }) else {
            throw ctx.attributeError("ngram_indexes", "holds a negative or huge column")
        }
        outputColumns = indexes.map { Int($0) }
        width = (outputColumns.max() ?? -1) + 1
        let w = (try a.floats("weights")) ?? []
        guard w.isEmpty || w.count == id else {
            throw ctx.attributeError("weights", "has \(w.count) entries but the pool holds \(id) n-grams")
        }
        weights = w.isEmpty ? [Float](repeating: 1, count: id) : w
        ngrams = table
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let items: [Item]
        switch x.storage {
        case .string(let v) where poolIsStrings: items = v.map { .string($0) }
        case .int64(let v) where !poolIsStrings: items = v.map { .int($0) }
        default:
            throw ctx.inputError(
                0, "is a \(x.elementTypeName) tensor but the pool holds \(poolIsStrings ? "strings" : "integers")")
        }
        let rows: Int
        let shape: [Int]
        switch x.shape.count {
        case 0, 1:
            rows = 1
            shape = [width]
        case 2:
            rows = x.shape[0]
            shape = [rows, width]
        default:
            throw ctx.inputError(0, "has shape \(x.shape); expected [C] or [N, C]")
        }
        try ctx.checkOutput(shape, .float)
        let columns = rows == 0 ? 0 : items.count / rows
        var y = [Float](repeating: 0, count: rows * width)
        var counts = [Int](repeating: 0, count: weights.count)
        for row in 0..<rows {
            for i in counts.indices { counts[i] = 0 }
            let line = items[(row * columns)..<((row + 1) * columns)]
            count(line, into: &counts)
            for (id, c) in counts.enumerated() where c > 0 {
                let value: Float
                switch mode {
                case .tf: value = Float(c)
                case .idf: value = weights[id]
                case .tfidf: value = Float(c) * weights[id]
                }
                y[row * width + outputColumns[id]] = value
            }
        }
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }

    /// Adds the occurrences of each pool n-gram in `line` to `counts`.
    func count(_ line: ArraySlice<Item>, into counts: inout [Int]) {
        let base = line.startIndex
        let length = line.count
        var gram: [Item] = []
        for skip in 0...maxSkip {
            let step = skip + 1
            for start in 0..<length {
                for n in minLength...maxLength {
                    if n == 1 && skip > 0 { continue }
                    let last = start + (n - 1) * step
                    guard last < length else { break }
                    gram.removeAll(keepingCapacity: true)
                    for k in 0..<n { gram.append(line[base + start + k * step]) }
                    if let id = ngrams[gram] { counts[id] += 1 }
                }
            }
        }
    }
}
