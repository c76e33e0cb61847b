import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskData

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("numeric columns become a float matrix and the label column class indices")
    func basic() throws {
        let url = try writeTemporaryFile("basic.csv", "a,b,label\n1,2.5,0\n-3,4e2,1\n5,6,1\n")
        let data = try CSVReader.read(contentsOf: url, labelColumn: "label")
        #expect(data.features == Tensor(shape: [3, 2], scalars: [1, 2.5, -3, 400, 5, 6]))
        #expect(data.classLabels == [0, 1, 1])
        #expect(data.classNames == ["0", "1"])
        #expect(data.featureNames == ["a", "b"])
        #expect(data.source.contains("basic.csv"))
    }

    @Test("RFC 4180 quoting: commas, doubled quotes and line breaks inside quoted fields; CRLF records")
    func quoting() throws {
        let text = "\"x, first\",\"say \"\"hi\"\"\",\"class\r\nname\"\r\n\"1\",2,\"cat, big\"\r\n3,\"4\",dog\r\n"
        let url = try writeTemporaryFile("quoted.csv", text)
        let data = try CSVReader.read(contentsOf: url, labelColumn: "class\r\nname")
        #expect(data.featureNames == ["x, first", "say \"hi\""])
        #expect(data.features.floats == [1, 2, 3, 4])
        #expect(data.classNames == ["cat, big", "dog"])
        #expect(data.classLabels == [0, 1])
    }

    @Test("string labels are sorted and numbered; the mapping is returned")
    func stringLabels() throws {
        let url = try writeTemporaryFile("s.csv", "f,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n")
        let data = try CSVReader.read(contentsOf: url, labelColumn: "species")
        #expect(data.classNames == ["setosa", "versicolor", "virginica"])
        #expect(data.classLabels == [2, 0, 1, 0])
    }

    @Test("integer labels are kept as class indices by default, or renumbered on request")
    func integerLabels() throws {
        let url = try writeTemporaryFile("i.csv", "f,y\n1,3\n2,1\n3,3\n")
        #expect(try CSVReader.read(contentsOf: url, labelColumn: "y").classLabels == [3, 1, 3])
        let renumbered = try CSVReader.read(contentsOf: url, labelColumn: "y", labelEncoding: .sortedDistinct)
        #expect(renumbered.classLabels == [1, 0, 1])
        #expect(renumbered.classNames == ["1", "3"])
        let negative = try writeTemporaryFile("n.csv", "f,y\n1,-1\n2,1\n")
        #expect(try CSVReader.read(contentsOf: negative, labelColumn: "y").classLabels == [0, 1])
    }

    @Test("a label column of regression targets is read as float32")
    func regressionTargets() throws {
        let url = try writeTemporaryFile("r.csv", "a,target\n1,0.5\n2,151\n")
        let data = try DatasetLoader.load(url: url, labelColumn: "target", labelEncoding: .regressionTargets)
        #expect(data.targets == [0.5, 151])
        #expect(data.classNames == nil)
        let bad = try writeTemporaryFile("rb.csv", "a,target\n1,high\n")
        let message = try #require(
            errorDescription {
                _ = try CSVReader.read(contentsOf: bad, labelColumn: "target", labelEncoding: .regressionTargets)
            })
        #expect(message.contains("rb.csv:2: column 2 'target': 'high' is not a number"))
    }

    @Test("blank lines at the end (and a missing final newline) are accepted; a BOM is skipped")
    func blankLinesAndBOM() throws {
        let url = try writeTemporaryFile("b.csv", "\u{FEFF}a,label\r\n1,0\r\n2,1\r\n\r\n\n")
        let data = try CSVReader.read(contentsOf: url, labelColumn: "label")
        #expect(data.features.floats == [1, 2])
        #expect(data.featureNames == ["a"])
        let noNewline = try writeTemporaryFile("c.csv", "a,label\n1,0\n2,1")
        #expect(try CSVReader.read(contentsOf: noNewline, labelColumn: "label").rowCount == 2)
    }

    @Test("ignored columns are left out, and a file can be read without labels")
    func ignoringAndNoLabels() throws {
        let url = try writeTemporaryFile("id.csv", "id,a,b\nrow-1,1,2\nrow-2,3,4\n")
        let data = try CSVReader.read(contentsOf: url, labelColumn: nil, ignoring: ["id"])
        #expect(data.features.shape == [2, 2])
        #expect(data.labels == nil)
    }

    @Test(
        "bad values and rows are reported with file, line and column",
        arguments: [
            ("a,b,label\n1,2,0\n1,x,1\n", "bad.csv:3: column 2 'b': 'x' is not a number"),
            ("a,b,label\n1,,0\n", "bad.csv:2: column 2 'b': missing value"),
            ("a,b,label\n1,2\n", "bad.csv:2: 2 fields, but the header has 3 columns"),
            ("a,b,label\n1,2,0\n3,4,5,6\n", "bad.csv:3: 4 fields"),
            ("a,b,label\n1,nan,0\n", "column 2 'b': 'nan' is not a finite number"),
            ("a,b,label\n1,2,\n", "bad.csv:2: column 3 'label': missing label"),
            ("a,b,label\n1,\"2,0\n", "bad.csv:2: a quoted field is never closed"),
            ("a,b,label\n1,\"2\"x,0\n", "unexpected text after a closing quote"),
            ("a,b,label\n", "a header but no data rows"),
            ("", "the file is empty"),
            ("a,b,y\n1,2,0\n", "no column named 'label'; the header has: a, b, y"),
            ("label,label\n1,2\n", "appears 2 times"),
            ("a,b,label\n1,2,0\n\n3,4\n", "bad.csv:4: 2 fields"),
        ])
    func errors(_ text: String, _ expected: String) throws {
        let url = try writeTemporaryFile("bad.csv", text)
        let message = try #require(errorDescription { _ = try CSVReader.read(contentsOf: url, labelColumn: "label") })
        #expect(message.contains(expected), "\(message)")
    }

    @Test("a record longer than the line ceiling is refused, naming the line")
    func lineCeiling() throws {
        let long = String(repeating: "1", count: 200)
        let url = try writeTemporaryFile("long.csv", "a,label\n1,0\n\(long),1\n")
        let limits = DataLimits(maxCSVLineLength: 100)
        let message = try #require(
            errorDescription {
                _ = try CSVReader.read(contentsOf: url, labelColumn: "label", limits: limits)
            })
        #expect(message.contains("long.csv:3: the record is longer than the limit of 100 bytes"))
        let quoted = try writeTemporaryFile("longq.csv", "a,label\n\"\(long)\",1\n")
        #expect(throws: DataError.self) {
            _ = try CSVReader.read(contentsOf: quoted, labelColumn: "label", limits: limits)
        }
    }

    @Test("line numbers count line breaks inside quoted fields")
    func lineNumbersAcrossQuotedBreaks() throws {
        let url = try writeTemporaryFile("q.csv", "a,label\n\"1\n\",0\nz,1\n")
        let message = try #require(errorDescription { _ = try CSVReader.read(contentsOf: url, labelColumn: "label") })
        #expect(message.contains("q.csv:4: column 1 'a': 'z' is not a number"), "\(message)")
    }
}
