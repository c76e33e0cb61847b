import Testing

@testable import AIRiskTensor

/// The text kernels (StringNormalizer, com.microsoft Tokenizer, TfIdfVectorizer): hostile or malformed attributes
/// end in an error naming the node and attribute at load time, and a few hand-worked values. Their agreement with
/// onnxruntime is checked by the generated cases in AIRiskONNXTests (Fixtures/ops) and the ONNX node tests.
@Suite("StringNormalizer, Tokenizer, TfIdfVectorizer")
struct TextKernelTests {
    func node(_ op: String, _ attributes: [String: AttributeValue], domain: String = "") -> Node {
        Node(name: "n", opType: op, domain: domain, inputs: ["x"], outputs: ["y"], attributes: attributes)
    }

    func tfidf(_ extra: [String: AttributeValue]) -> Node {
        var a: [String: AttributeValue] = [
            "mode": .string("TF"), "min_gram_length": .int(1), "max_gram_length": .int(1), "max_skip_count": .int(0),
            "ngram_counts": .ints([0]), "ngram_indexes": .ints([0, 1]), "pool_strings": .strings(["a", "b"]),
        ]
        for (k, v) in extra { a[k] = v }
        return node("TfIdfVectorizer", a)
    }

    @Test("malformed TfIdfVectorizer attributes are refused when the model loads")
    func tfidfAttributes() {
        for bad: [String: AttributeValue] in [
            ["mode": .string("BM25")], ["min_gram_length": .int(0)], ["max_gram_length": .int(0)],
            ["max_skip_count": .int(-1)], ["ngram_indexes": .ints([0])], ["ngram_indexes": .ints([0, -1])],
            ["ngram_indexes": .ints([0, 1 << 40])], ["ngram_counts": .ints([0, 1])], ["weights": .floats([1])],
            ["pool_strings": .strings([])],
        ] {
            #expect(throws: OperatorError.self, "\(bad)") { try TfIdfVectorizerKernel(node: tfidf(bad), opset: 9) }
        }
    }

    @Test("TfIdfVectorizer counts rows apart and refuses a tensor of the other kind")
    func tfidfValues() throws {
        let k = try TfIdfVectorizerKernel(node: tfidf([:]), opset: 9)
        let x = Tensor(shape: [2, 3], storage: .string(["a", "a", "c", "b", "#", "a"]))
        let y = try k.forward([x]).outputs[0]
        #expect(y.shape == [2, 2] && y.floats == [2, 0, 1, 1])
        #expect(throws: OperatorError.self) { try k.forward([Tensor(shape: [2], int64: [1, 2])]) }
    }

    @Test("Tokenizer: an invalid expression, no mode, or mincharnum 0 is refused; tokens split by Unicode scalars")
    func tokenizer() throws {
        let base: [String: AttributeValue] = ["mark": .int(0), "mincharnum": .int(1), "pad_value": .string("#")]
        func make(_ extra: [String: AttributeValue]) throws -> TokenizerKernel {
            try TokenizerKernel(node: node("Tokenizer", base.merging(extra) { $1 }, domain: "com.microsoft"), opset: 1)
        }
        #expect(throws: OperatorError.self) { try make(["tokenexp": .string("[a-z")]) }
        #expect(throws: OperatorError.self) { try make([:]) }
        #expect(throws: OperatorError.self) { try make(["tokenexp": .string("\\w+"), "mincharnum": .int(0)]) }
        let k = try make(["tokenexp": .string("[a-z]+")])
        // "e" + combining acute: the letter is a token, the accent is not (as RE2 reads code points).
        let y = try k.forward([Tensor(shape: [2], storage: .string(["caf\u{65}\u{301} ok", "x"]))]).outputs[0]
        #expect(y.shape == [2, 2])
        #expect(y.storage == .string(["cafe", "ok", "x", "#"]))
    }

    @Test("StringNormalizer refuses a batch of rows and an empty stop word")
    func stringNormalizer() throws {
        let k = try StringNormalizerKernel(
            node: node("StringNormalizer", ["case_change_action": .string("LOWER")]), opset: 10)
        #expect(throws: OperatorError.self) { try k.forward([Tensor(shape: [2, 1], storage: .string(["a", "b"]))]) }
        #expect(throws: OperatorError.self) {
            try StringNormalizerKernel(node: node("StringNormalizer", ["stopwords": .strings([""])]), opset: 10)
        }
        #expect(throws: OperatorError.self) {
            try StringNormalizerKernel(
                node: node("StringNormalizer", ["case_change_action": .string("TITLE")]), opset: 10)
        }
    }
}
