import AIRiskAccess
import AIRiskData
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskONNX

/// scikit-learn text classifiers converted with skl2onnx (scripts/make_text_fixtures.py): one free-text string
/// input, read by StringNormalizer, the com.microsoft Tokenizer and TfIdfVectorizer.
@Suite("text classifiers with a free-text input")
struct TextModelTests {
    static let directory = FixtureModels.directory.appendingPathComponent("text")

    struct Expected: Decodable {
        struct Model: Decodable {
            var scores: [[Double]]
            var label: [Int]
        }
        var rows: Int
        var models: [String: Model]

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            rows = try c.decode(Int.self, forKey: AnyKey("rows"))
            var m: [String: Model] = [:]
            for key in c.allKeys where key.stringValue != "rows" {
                m[key.stringValue] = try c.decode(Model.self, forKey: key)
            }
            models = m
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func access(_ name: String) throws -> ONNXModelAccess {
        try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: directory.appendingPathComponent("\(name).onnx")), name: "\(name).onnx")
    }

    static func file(_ role: String) -> URL { directory.appendingPathComponent("messages.\(role).csv") }

    @Test("a string input the graph tokenizes is free text: one column, its texts unknown until the data is read")
    func freeTextColumn() throws {
        let d = try Self.access("tfidf_logreg").description
        #expect(d.inputColumns == [InputColumn(name: "text", domain: .text([]))])
        #expect(d.inputShape == [1])
        #expect(d.outputKind == .probabilities && d.outputWidth == 3)
        #expect(!d.providesInputGradients, "a string input has no gradient")
    }

    @Test(
        "the engine answers the non-member texts as onnxruntime does (1e-5 relative)",
        arguments: ["tfidf_logreg", "count_nb"])
    func matchesOnnxruntime(name: String) async throws {
        let want = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.directory.appendingPathComponent("expected.json")))
        let expected = try #require(want.models[name])
        var texts: [String: [String]] = [:]
        for role in ["members", "nonmembers", "population"] {
            try CSVReader.collectTexts(contentsOf: Self.file(role), columns: ["text"], into: &texts)
        }
        let vocabulary = try #require(texts["text"])
        #expect(vocabulary.count > 600, "\(vocabulary.count) distinct texts")
        let model = try #require(Self.access(name).indexingTexts(texts) as? ONNXModelAccess)
        #expect(model.description.inputColumns == [InputColumn(name: "text", domain: .text(vocabulary))])
        let data = try DatasetLoader.load(
            url: Self.file("nonmembers"), labelColumn: "label",
            columns: CSVColumnSelection([.init(name: "text", categories: vocabulary)], owner: "the model"))
        #expect(data.unknownCategories.isEmpty)
        let values = try #require(data.features.floats)
        let rows = want.rows
        let out = try await model.predict(Tensor(shape: [rows, 1], scalars: Array(values[0..<rows])))
        #expect(out.labels == expected.label)
        var worst = 0.0
        for r in 0..<rows {
            for c in 0..<3 {
                let a = Double(out.scores[r * 3 + c])
                let b = expected.scores[r][c]
                worst = max(worst, abs(a - b) / max(abs(b), 1e-30))
                #expect(abs(a - b) <= 1e-5 * abs(b) + 1e-12, "row \(r) class \(c): \(a) vs onnxruntime \(b)")
            }
        }
        print("[text] \(name): \(rows) rows, largest relative difference to onnxruntime \(worst)")
    }

    @Test("an index past the texts is the empty text, which no token of the vocabulary matches")
    func emptyText() async throws {
        let model = try #require(
            Self.access("count_nb").indexingTexts(["text": ["goal goal match"]]) as? ONNXModelAccess)
        let out = try await model.predict(Tensor(shape: [2, 1], scalars: [0, 1]))
        #expect(out.rows == 2)
        #expect(out.scores.allSatisfy { $0.isFinite })
        #expect(out.labels.first == 0, "'goal goal match' is about sport")
    }
}
