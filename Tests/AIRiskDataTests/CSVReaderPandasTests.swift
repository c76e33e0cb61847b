import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskData

/// CSV files written by pandas' `DataFrame.to_csv` (scripts/make_pandas_csv_fixtures.py).
@Suite("CSV written by pandas")
struct CSVReaderPandasTests {
    static func fixture(_ name: String) -> URL { Fixtures.directory.appendingPathComponent("pandas/\(name)") }

    struct Expected: Decodable {
        var columns: [String]
        var values: [Float]
        var labels: [Int]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: fixture("expected.json")))
    }

    @Test(
        "with or without the index column, numbers and booleans load as pandas wrote them",
        arguments: [
            "index.csv", "no_index.csv",
        ])
    func numericTable(_ name: String) throws {
        let want = try Self.expected()
        let data = try DatasetLoader.load(url: Self.fixture(name), labelColumn: "label")
        #expect(data.featureNames == want.columns, "the unnamed index column is not a feature")
        #expect(data.rowShape == [want.columns.count])
        #expect(data.features.floats == want.values)
        #expect(data.classLabels == want.labels)
        #expect(data.nonFiniteCount == 0)
    }

    @Test("booleans in every spelling pandas and other tools write are 1 and 0")
    func booleans() throws {
        let url = try writeTemporaryFile("b.csv", "a,b,c,label\nTrue,true,TRUE,0\nFalse,false,FALSE,1\n")
        let data = try CSVReader.read(contentsOf: url, labelColumn: "label")
        #expect(data.features.floats == [1, 1, 1, 0, 0, 0])
    }

    @Test("empty cells: refused by default naming the cell; kept as NaN and counted per column")
    func missingCells() throws {
        let url = Self.fixture("missing.csv")
        let refused = errorDescription { _ = try DatasetLoader.load(url: url, labelColumn: "label") }
        #expect(refused?.contains("missing.csv:3: column 2 'amount': missing value") == true, "\(refused ?? "")")
        #expect(refused?.contains("--missing-values keep") == true)

        let kept = try DatasetLoader.load(url: url, labelColumn: "label", missingValues: .keep)
        let values = try #require(kept.features.floats)
        #expect(values.count == 16)
        #expect(values.filter(\.isNaN).count == 3)
        #expect(values[5].isNaN && values[13].isNaN && values[10].isNaN)
        #expect(values[4] == 47 && values[7] == 0, "the other cells of a row with a gap are read as usual")
        #expect(kept.nonFiniteCount == 3)
        #expect(kept.nonFiniteColumns == [.init("amount", 2), .init("rate", 1)])
        #expect(kept.classLabels == [0, 1, 0, 1])
    }

    @Test("the same table saved as .npz with NaN is refused and kept the same way as the CSV")
    func npzAgrees() throws {
        let url = Self.fixture("missing.npz")
        #expect(errorDescription { _ = try DatasetLoader.load(url: url) }?.contains("--missing-values keep") == true)
        let npz = try DatasetLoader.load(url: url, missingValues: .keep)
        let csv = try DatasetLoader.load(url: Self.fixture("missing.csv"), labelColumn: "label", missingValues: .keep)
        #expect(npz.nonFiniteCount == csv.nonFiniteCount)
        #expect(npz.nonFiniteColumns == [.init("feature_1", 2), .init("feature_2", 1)])
        let a = try #require(npz.features.floats)
        let b = try #require(csv.features.floats)
        #expect(a.map(\.isNaN) == b.map(\.isNaN))
        #expect(zip(a, b).allSatisfy { $0.isNaN || $0 == $1 })
        #expect(npz.classLabels == csv.classLabels)
    }

    @Test("a string column is refused naming the column, its first string and how to encode it")
    func stringColumn() throws {
        let message = errorDescription {
            _ = try DatasetLoader.load(url: Self.fixture("strings.csv"), labelColumn: "label")
        }
        let text = try #require(message)
        #expect(text.contains("strings.csv:2: column 3 'job': 'skilled' is not a number"), "\(text)")
        #expect(text.contains("the column 'job' holds text"))
        #expect(text.contains("get_dummies"))
    }

    @Test("text labels written by pandas are class names")
    func textLabels() throws {
        let url = try writeTemporaryFile("t.csv", ",age,label\n0,25,good\n1,47,bad\n")
        let data = try CSVReader.read(contentsOf: url, labelColumn: "label")
        #expect(data.featureNames == ["age"])
        #expect(data.classNames == ["bad", "good"])
        #expect(data.classLabels == [1, 0])
    }

    @Test("several target columns, named with commas, load as a multi-output regressor's float targets in that order")
    func multiOutputTargets() throws {
        let data = try DatasetLoader.load(url: Self.fixture("multi_target.csv"), labelColumn: "no2,co")
        #expect(data.featureNames == ["age", "amount", "rate", "owns_home"])
        #expect(data.labels?.shape == [4, 2])
        #expect(data.labels?.floats == [10, 0.5, 12.5, 1.25, 9.25, -0.75, 30, 2])
        #expect(data.targetWidth == 2)
        #expect(data.source.contains("target columns 'no2', 'co'"))
    }

    @Test("a target column that is missing, repeated or not numeric is named in the error")
    func multiOutputTargetErrors() throws {
        #expect {
            _ = try DatasetLoader.load(url: Self.fixture("multi_target.csv"), labelColumn: "co,pm10")
        } throws: { "\($0)".contains("pm10") }
        #expect {
            _ = try DatasetLoader.load(url: Self.fixture("multi_target.csv"), labelColumn: "co,co")
        } throws: { "\($0)".contains("'co'") }
        let url = try writeTemporaryFile("t.csv", "a,y1,y2\n1,0.5,high\n")
        #expect {
            _ = try CSVReader.read(contentsOf: url, labelColumn: "y1,y2")
        } throws: { "\($0)".contains("y2") && "\($0)".contains("'high' is not a number") }
    }
}
