import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskData

/// A CSV read for a model that takes named columns (a scikit-learn pipeline converted from a DataFrame).
@Suite("CSV columns selected by a model")
struct CSVColumnSelectionTests {
    static let selection = CSVColumnSelection(
        [
            .init(name: "age"), .init(name: "job", categories: ["management", "skilled", "unskilled"]),
            .init(name: "own_telephone"),
        ], owner: "the model credit.onnx")

    static func read(_ text: String, missing: MissingValuePolicy = .reject) throws -> Dataset {
        try CSVReader.parse(
            bytes: Array(text.utf8), file: "data.csv", labelColumn: "default", ignoring: [],
            labelEncoding: .automatic, missingValues: missing, columns: selection, limits: .standard)
    }

    @Test("columns come in the model's order, text becomes its category's index, other columns are left out")
    func selectsAndEncodes() throws {
        let data = try Self.read(
            ",job,id,own_telephone,age,default\n0,skilled,a1,True,40,1\n1,management,a2,False,33,0\n"
                + "2,unskilled,a3,True,51,0\n")
        #expect(data.featureNames == ["age", "job", "own_telephone"])
        #expect(data.features.floats == [40, 1, 1, 33, 0, 0, 51, 2, 1])
        #expect(data.classLabels == [1, 0, 0])
        #expect(data.unusedColumns == ["id"], "the unnamed index column is not listed, 'id' is")
        #expect(data.unknownCategories.isEmpty)
    }

    @Test("a category the model does not know is the unknown index, counted per column")
    func unknownCategory() throws {
        let data = try Self.read("age,job,own_telephone,default\n40,pilot,True,1\n33,pilot,False,0\n")
        #expect(data.features.floats == [40, 3, 1, 33, 3, 0])
        #expect(data.unknownCategories == [Dataset.ColumnCount("job", 2)])
    }

    @Test("a model column missing from the header is an error naming the column, the model and the header")
    func missingColumn() throws {
        #expect {
            try Self.read("age,own_telephone,default\n40,True,1\n")
        } throws: { error in
            let text = "\(error)"
            return text.contains("'job'") && text.contains("credit.onnx") && text.contains("age, own_telephone")
        }
    }

    @Test("an empty category cell is a missing value: an error naming it, or NaN counted under keep")
    func emptyCategory() throws {
        let text = "age,job,own_telephone,default\n40,,True,1\n"
        #expect {
            try Self.read(text)
        } throws: { "\($0)".contains("data.csv:2:") && "\($0)".contains("'job'") }
        let kept = try Self.read(text, missing: .keep)
        #expect(kept.features.floats?[1].isNaN == true)
        #expect(kept.nonFiniteColumns == [Dataset.ColumnCount("job", 1)])
    }

    @Test("the label column cannot also be a model input")
    func labelIsInput() throws {
        let selection = CSVColumnSelection([.init(name: "default")], owner: "the model m.onnx")
        #expect {
            try CSVReader.parse(
                bytes: Array("default,x\n1,2\n".utf8), file: "d.csv", labelColumn: "default", ignoring: [],
                labelEncoding: .automatic, columns: selection, limits: .standard)
        } throws: { "\($0)".contains("--label-column") }
    }
}
