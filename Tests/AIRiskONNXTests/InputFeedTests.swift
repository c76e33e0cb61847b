import AIRiskAccess
import AIRiskData
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskONNX

/// A scikit-learn credit pipeline converted from a pandas DataFrame (scripts/make_pipeline_fixtures.py): six graph
/// inputs, one per column (float64, int64, bool, string), a ColumnTransformer and a random forest.
@Suite("models with named inputs")
struct InputFeedTests {
    static let directory = FixtureModels.directory.appendingPathComponent("pipelines")

    struct Expected: Decodable {
        var probabilities: [[Double]]
        var label: [Int]
        var rows: Int
    }

    static func access(_ name: String = "credit_pipeline") throws -> ONNXModelAccess {
        try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: directory.appendingPathComponent("\(name).onnx")), name: "\(name).onnx")
    }

    /// The first rows of the non-member CSV as `model` takes them, and onnxruntime's answers for them.
    static func rowsAndExpected(_ model: ONNXModelAccess, _ name: String) throws -> (Tensor, Expected) {
        let want = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).expected.json")))
        let columns = try #require(model.description.inputColumns)
        let selection = CSVColumnSelection(
            columns.map { c in
                if case .categorical(let k) = c.domain { return .init(name: c.name, categories: k) }
                return .init(name: c.name)
            }, owner: "the model")
        let data = try DatasetLoader.load(
            url: directory.appendingPathComponent("credit_pipeline.nonmembers.csv"), labelColumn: "default",
            columns: selection)
        #expect(data.unknownCategories.isEmpty)
        let values = try #require(data.features.floats)
        return (Tensor(shape: [want.rows, 6], scalars: Array(values[0..<(want.rows * 6)])), want)
    }

    static func strings(_ t: Tensor?) -> [String]? {
        if case .string(let v)? = t?.storage { return v }
        return nil
    }

    static func bools(_ t: Tensor?) -> [Bool]? {
        if case .bool(let v)? = t?.storage { return v }
        return nil
    }

    @Test("the row is one value per graph input, each with its domain and a string input's categories")
    func columns() throws {
        let d = try Self.access().description
        let columns = try #require(d.inputColumns)
        #expect(columns.map(\.name) == ["age", "amount", "duration", "job", "housing", "own_telephone"])
        #expect(columns[0].domain == .continuous)
        #expect(columns[2].domain == .integer)
        #expect(columns[5].domain == .boolean)
        #expect(columns[3].domain == .categorical(["management", "self-employed", "skilled", "unskilled"]))
        #expect(columns[4].domain == .categorical(["free", "own", "rent"]))
        #expect(d.inputShape == [6])
        #expect(d.outputKind == .probabilities && d.outputWidth == 2)
        #expect(!d.providesInputGradients, "string inputs have no gradient")
    }

    @Test("float32 columns: the DataFrame's CSV, read by column name, predicts what onnxruntime predicts")
    func predictsLikeOnnxruntime() async throws {
        let model = try Self.access("credit_pipeline_f32")
        let (batch, want) = try Self.rowsAndExpected(model, "credit_pipeline_f32")
        let out = try await model.predict(batch)
        #expect(out.labels == want.label)
        for r in 0..<want.rows {
            for c in 0..<2 {
                let a = Double(out.scores[r * 2 + c])
                let b = want.probabilities[r][c]
                #expect(abs(a - b) <= 1e-5 * max(1, abs(b)), "row \(r) class \(c): \(a) vs onnxruntime \(b)")
            }
        }
    }

    /// The float64 lane: the pipeline's float64 scaler (Sub, Div) and the forest's comparisons run in float64, as in
    /// onnxruntime, and the CSV's decimals reach the float64 inputs as pandas reads them (README, "Models with named
    /// inputs"), so every row agrees.
    @Test("float64 columns (pandas' default): computed in float64, every label and probability as onnxruntime's")
    func float64Pipeline() async throws {
        let model = try Self.access("credit_pipeline")
        #expect(model.reducedPrecisionNodes.isEmpty, "\(model.reducedPrecisionNodes)")
        let (batch, want) = try Self.rowsAndExpected(model, "credit_pipeline")
        let out = try await model.predict(batch)
        #expect(out.labels == want.label)
        for r in 0..<want.rows {
            for c in 0..<2 {
                let a = Double(out.scores[r * 2 + c])
                let b = want.probabilities[r][c]
                #expect(abs(a - b) <= 1e-5 * max(1, abs(b)), "row \(r) class \(c): \(a) vs onnxruntime \(b)")
            }
        }
    }

    @Test("an index outside a string input's categories is sent as a category the model does not know")
    func unknownIndex() async throws {
        let model = try Self.access()
        let feed = try #require(model.feed)
        let inputs = try feed.tensors(Tensor(shape: [2, 6], scalars: [40, 900, 12, 9, -1, 1, 40, 900, 12, 2, 1, 0]))
        #expect(Self.strings(inputs["job"]) == [InputFeed.unknownCategory, "skilled"])
        #expect(Self.strings(inputs["housing"]) == [InputFeed.unknownCategory, "own"])
        #expect(Self.bools(inputs["own_telephone"]) == [true, false])
        #expect(inputs["duration"]?.int64s == [12, 12])
        // The unknown category reaches the OneHotEncoder as all zeros (handle_unknown='ignore'): a valid answer.
        let out = try await model.predict(Tensor(shape: [1, 6], scalars: [40, 900, 12, 9, -1, 1]))
        #expect(out.rows == 1 && out.scores.allSatisfy { $0.isFinite })
    }
}
