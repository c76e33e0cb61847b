import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskData

/// The parts of Tests/Fixtures/models/reference.json (written by scripts/make_fixtures.py) these tests use.
struct FixtureReference: Decodable {
    struct Input: Decodable {
        var name: String
        var shape: [Int?]
        var dtype: String
    }

    struct Model: Decodable {
        var input: Input
        var outputs: [String]
        var rows: [String: Int]
        var files: [String: String]
        var task: String
        var classes: Int
        var feature_names: [String]?
    }

    var expected_rows: Int
    var models: [String: Model]

    static let shared: FixtureReference? = {
        guard let data = try? Data(contentsOf: FixtureModels.directory.appendingPathComponent("reference.json")) else {
            return nil
        }
        return try? JSONDecoder().decode(FixtureReference.self, from: data)
    }()

    static let modelNames = [
        "logreg_breast_cancer", "softmax_digits", "mlp_digits_overfit", "mlp_digits_regularised",
        "random_forest_digits", "mlp_regressor_diabetes",
    ]
}

@Suite("Fixture model data")
struct FixtureModelDataTests {
    @Test("reference.json describes all six fixture models")
    func referenceListsModels() throws {
        let reference = try #require(FixtureReference.shared)
        #expect(Set(reference.models.keys) == Set(FixtureReference.modelNames))
    }

    @Test(
        "every split loads with the shapes and dtypes reference.json declares", arguments: FixtureReference.modelNames)
    func splits(_ name: String) throws {
        let model = try #require(FixtureReference.shared?.models[name])
        let width = try #require(model.input.shape.last ?? nil)
        #expect(model.input.dtype == "float32", "the fixture models take float32 rows")
        for split in ["members", "nonmembers", "population"] {
            let file = try #require(model.files[split])
            let data = try DatasetLoader.load(url: FixtureModels.directory.appendingPathComponent(file))
            #expect(data.features.shape == [model.rows[split] ?? -1, width], "\(file)")
            #expect(data.features.floats != nil)
            if model.task == "classification" {
                let labels = try #require(data.classLabels, "\(file) should hold int64 labels")
                #expect(Set(labels).isSubset(of: Set(0..<model.classes)))
            } else {
                #expect(data.targets?.count == data.rowCount, "\(file) should hold float32 targets")
            }
        }
    }

    @Test(
        "the expected-output archives hold the onnxruntime outputs for the sample",
        arguments: FixtureReference.modelNames)
    func expectedOutputs(_ name: String) throws {
        let reference = try #require(FixtureReference.shared)
        let model = try #require(reference.models[name])
        let archive = try NPZArchive(
            contentsOf: FixtureModels.directory.appendingPathComponent(try #require(model.files["expected"])))
        let rows = reference.expected_rows
        let input = try archive.array("input")
        #expect(input.shape == [rows, try #require(model.input.shape.last ?? nil)])
        #expect(Set(archive.keys) == Set(["input"] + model.outputs))
        if model.task == "classification" {
            #expect(try archive.array("label").int64s?.count == rows)
            let probabilities = try archive.array("probabilities")
            #expect(probabilities.shape == [rows, model.classes])
            let sums = try #require(probabilities.floats).chunked(model.classes).map { $0.reduce(0, +) }
            #expect(sums.allSatisfy { abs($0 - 1) < 1e-4 })
        } else {
            #expect(try archive.array("variable").shape == [rows, 1])
        }
        // The sample is the first rows of the non-members.
        let nonmembers = try NPZArchive(
            contentsOf: FixtureModels.directory.appendingPathComponent(try #require(model.files["nonmembers"])))
        let x = try #require(try nonmembers.array("x").floats)
        #expect(Array(x.prefix(input.count)) == input.floats)
    }

    @Test("the CSV members of the breast-cancer model equal its .npz members")
    func csvMatchesNpz() throws {
        let model = try #require(FixtureReference.shared?.models["logreg_breast_cancer"])
        let csv = try DatasetLoader.load(
            url: FixtureModels.directory.appendingPathComponent(try #require(model.files["members_csv"])))
        let npz = try DatasetLoader.load(
            url: FixtureModels.directory.appendingPathComponent(try #require(model.files["members"])))
        #expect(csv.features == npz.features)
        #expect(csv.classLabels == npz.classLabels)
        #expect(csv.featureNames == model.feature_names)
    }
}

extension Array {
    fileprivate func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
