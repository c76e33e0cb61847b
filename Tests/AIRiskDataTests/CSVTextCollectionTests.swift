import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskData

/// The free-text column of a text classifier's CSV files: its distinct texts, collected before the data is read.
@Suite("free-text columns of CSV files")
struct CSVTextCollectionTests {
    @Test("distinct texts in order of first appearance over several files; quoted commas kept, empty cell is ''")
    func collectsInOrder() throws {
        let members = try writeTemporaryFile(
            "members.csv", ",text,label\n0,\"goal, match\",0\n1,rain today,2\n2,\"goal, match\",0\n3,,1\n")
        let nonMembers = try writeTemporaryFile("nonmembers.csv", ",text,label\n0,rain today,2\n1,stock price,1\n")
        var texts: [String: [String]] = [:]
        try CSVReader.collectTexts(contentsOf: members, columns: ["text"], into: &texts)
        try CSVReader.collectTexts(contentsOf: nonMembers, columns: ["text"], into: &texts)
        #expect(texts == ["text": ["goal, match", "rain today", "", "stock price"]])

        let data = try CSVReader.read(
            contentsOf: members, labelColumn: "label",
            columns: CSVColumnSelection([.init(name: "text", categories: texts["text"])], owner: "the model"))
        #expect(data.features.floats == [0, 1, 0, 2], "the empty cell is the empty text, not a missing value")
    }

    @Test("a file without the model's text column is an error naming the file and the column")
    func missingColumn() throws {
        let file = try writeTemporaryFile("other.csv", ",message,label\n0,hello,1\n")
        var texts: [String: [String]] = [:]
        let message = errorDescription { try CSVReader.collectTexts(contentsOf: file, columns: ["text"], into: &texts) }
        #expect(message?.contains("text") == true && message?.contains("other.csv") == true, "\(message ?? "")")
    }
}
