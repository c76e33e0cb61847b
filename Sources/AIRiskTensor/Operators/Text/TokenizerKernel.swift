/// com.microsoft Tokenizer (onnxruntime's contrib operator, which skl2onnx emits for scikit-learn's
/// `TfidfVectorizer` and `CountVectorizer`): splits each string of a `[C]` or `[N, C]` tensor into
/// tokens along a new last axis, padded with `pad_value` to the longest row.
///
/// With `tokenexp` every match of the expression of at least `mincharnum` characters is a token
/// (a shorter match restarts the search one character later); with `separators` the strings are
/// split by each expression in turn, keeping pieces of at least `mincharnum` characters; `tokenexp`
/// "." or a single empty separator splits into characters. `mark` 1 puts the start-of-text (0x02)
/// and end-of-text (0x03) markers around each row's tokens. When no string has a token the last
/// axis is 0, as in onnxruntime. Characters are Unicode scalars. onnxruntime matches with RE2's
/// leftmost-longest rule and this kernel with Swift's leftmost-first one: the two agree on the
/// character-class patterns converters emit (`[a-zA-Z0-9_]+`), not always on alternations. Not
/// differentiable.
struct TokenizerKernel: ForwardOnlyKernel {
    static let opType = "Tokenizer"
    static let domain = "com.microsoft"

    enum Mode {
        case characters
        case expression(String)
        case separators([String])
    }

    let ctx: KernelContext
    let mark: Bool
    let padValue: String
    let minCharacters: Int
    let mode: Mode

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        let a = MLAttributes(node: node)
        mark = try a.flag("mark")
        padValue = try a.string("pad_value", default: "#")
        let minimum = try a.int("mincharnum", default: 1)
        guard minimum > 0, minimum <= Int(Int32.max) else {
            throw ctx.attributeError("mincharnum", "is \(minimum); it must be positive")
        }
        minCharacters = Int(minimum)
        if let separators = try a.strings("separators") {
            guard !separators.isEmpty else { throw ctx.attributeError("separators", "is empty") }
            if separators == [""] {
                mode = .characters
            } else {
                for s in separators {
                    guard !s.isEmpty else { throw ctx.attributeError("separators", "contains an empty expression") }
                    try Self.compile(s, ctx, attribute: "separators")
                }
                mode = .separators(separators)
            }
        } else {
            let expression = try a.string("tokenexp", default: "")
            guard !expression.isEmpty else {
                throw ctx.attributeError("tokenexp", "is missing or empty; one of separators or tokenexp is required")
            }
            if expression == "." {
                mode = .characters
            } else {
                try Self.compile(expression, ctx, attribute: "tokenexp")
                mode = .expression(expression)
            }
        }
        if case .characters = mode, minCharacters > 1 {
            throw ctx.attributeError("mincharnum", "is \(minCharacters); character tokenization needs 1")
        }
    }

    @discardableResult
    static func compile(_ pattern: String, _ ctx: KernelContext, attribute: String) throws -> Regex<AnyRegexOutput> {
        do {
            return try Regex(pattern).matchingSemantics(.unicodeScalar)
        } catch {
            throw ctx.attributeError(
                attribute,
                "is not a regular expression airisk can read ('\(pattern)': \(error))")
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, values) = try StringInput.read(inputs, ctx)
        guard x.shape.count == 1 || x.shape.count == 2 else {
            throw ctx.inputError(0, "has shape \(x.shape); expected [C] or [N, C]")
        }
        let rows: [[Substring]]
        switch mode {
        case .characters:
            rows = values.map { s in
                s.unicodeScalars.indices.map { i in Self.piece(s, i..<s.unicodeScalars.index(after: i)) }
            }
        case .expression(let pattern):
            let regex = try Self.compile(pattern, ctx, attribute: "tokenexp")
            rows = try values.map { try tokens(of: $0, matching: regex) }
        case .separators(let patterns):
            let regexes = try patterns.map { try Self.compile($0, ctx, attribute: "separators") }
            rows = try values.map { s in
                var pieces: [Substring] = [s[...]]
                for r in regexes { pieces = try pieces.flatMap { try split($0, by: r) } }
                return pieces
            }
        }
        let longest = rows.map(\.count).max() ?? 0
        guard longest > 0 else {
            return KernelOutput(outputs: [Tensor(shape: x.shape + [0], storage: .string([]))])
        }
        let width = longest + (mark ? 2 : 0)
        let shape = x.shape + [width]
        try ctx.checkOutput(shape, .string)
        var out: [String] = []
        out.reserveCapacity(rows.count * width)
        for row in rows {
            if mark { out.append("\u{02}") }
            out.append(contentsOf: row.map(String.init))
            if mark { out.append("\u{03}") }
            out.append(contentsOf: repeatElement(padValue, count: longest - row.count))
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: .string(out))])
    }

    /// The matches of `regex` in `s` of at least `minCharacters` scalars, searched as onnxruntime does.
    func tokens(of s: String, matching regex: Regex<AnyRegexOutput>) throws -> [Substring] {
        var found: [Substring] = []
        var position = s.startIndex
        while position <= s.endIndex, let m = try regex.firstMatch(in: Substring(s.unicodeScalars[position...])) {
            let r = m.range
            if s.unicodeScalars[r].count >= minCharacters {
                found.append(Self.piece(s, r))
                position = r.upperBound
            } else {
                guard r.lowerBound < s.endIndex else { break }
                position = s.unicodeScalars.index(after: r.lowerBound)
            }
        }
        return found
    }

    /// The scalars of `s` in `range` (a String subscript would round the bounds to whole characters).
    static func piece(_ s: String, _ range: Range<String.Index>) -> Substring {
        Substring(s.unicodeScalars[range])
    }

    /// `text` split at each match of `separator`, keeping pieces of at least `minCharacters` scalars.
    func split(_ text: Substring, by separator: Regex<AnyRegexOutput>) throws -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        while start <= text.endIndex {
            guard let m = try separator.firstMatch(in: Substring(text.unicodeScalars[start...])) else {
                let trailing = Substring(text.unicodeScalars[start...])
                if trailing.unicodeScalars.count >= minCharacters { pieces.append(trailing) }
                break
            }
            let piece = Substring(text.unicodeScalars[start..<m.range.lowerBound])
            if piece.unicodeScalars.count >= minCharacters { pieces.append(piece) }
            if m.range.isEmpty {
                guard m.range.lowerBound < text.endIndex else { break }
                start = text.unicodeScalars.index(after: m.range.lowerBound)
            } else {
                start = m.range.upperBound
            }
        }
        return pieces
    }
}
