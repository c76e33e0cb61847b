import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskData

/// Data-set files that once slipped through or hung (issue 15 findings 5, 12, 13; issue 14 point 5), kept in
/// Fixtures/hostile (written by scripts/make_data_fixtures.py), plus paths that are not regular files.
@Suite("Hostile and awkward data sets")
struct HostileDatasetTests {
    static func hostile(_ name: String) -> URL { Fixtures.directory.appendingPathComponent("hostile/\(name)") }

    @Test("an .npz with two x.npy entries is refused naming both, never silently read")
    func duplicateEntries() {
        let message = errorDescription { _ = try NPZArchive(contentsOf: Self.hostile("duplicate_x.npz")) }
        #expect(message?.contains("duplicate_x.npz") == true)
        #expect(message?.contains("'x.npy' and 'x.npy' both hold the array 'x'") == true, "\(message ?? "")")
    }

    @Test(
        "NaN and Inf are refused in every format by default, naming file, row and column",
        arguments: [
            ("nan_features.npz", "row 3, column 1 holds nan"),
            ("inf_features.npy", "row 5, column 0 holds inf"),
            ("nan_value.csv", "nan_value.csv:3: column 2 'b': 'nan' is not a finite number"),
        ])
    func nonFiniteRejected(_ file: String, _ expected: String) {
        let message = errorDescription { _ = try DatasetLoader.load(url: Self.hostile(file)) }
        #expect(message?.contains(expected) == true, "\(message ?? "no error")")
        #expect(message?.contains("--missing-values keep") == true)
    }

    @Test(
        "--missing-values keep passes NaN and Inf through and counts them for the warning",
        arguments: ["nan_features.npz", "inf_features.npy", "nan_value.csv"])
    func nonFiniteKept(_ file: String) throws {
        let ds = try DatasetLoader.load(url: Self.hostile(file), missingValues: .keep)
        #expect(ds.nonFiniteCount == 1)
        let values = try #require(ds.features.floats)
        #expect(values.filter { !$0.isFinite }.count == 1)
    }

    @Test("an empty CSV field is a missing value: refused by default, NaN when kept")
    func emptyField() throws {
        let url = try writeTemporaryFile("gap.csv", "a,b,label\n1,,0\n2,3,1\n")
        #expect(errorDescription { _ = try DatasetLoader.load(url: url) }?.contains("gap.csv:2") == true)
        let ds = try DatasetLoader.load(url: url, missingValues: .keep)
        #expect(ds.features.floats?[1].isNaN == true)
        #expect(ds.nonFiniteCount == 1)
    }

    @Test("float labels that are whole numbers are class labels")
    func floatLabels() throws {
        let ds = try DatasetLoader.load(url: Self.hostile("float_labels.npz"))
        #expect(ds.wholeNumberClassLabels == [0, 1, 2, 1, 0, 2])
        #expect(ds.classLabels == nil, "whole-number floats may be regression targets; only a classifier reads them")
        let halves = Dataset(
            features: Tensor(shape: [2, 1], scalars: [0, 1]), labels: Tensor(shape: [2], scalars: [0.5, 1]),
            source: "halves")
        #expect(halves.wholeNumberClassLabels == nil)
    }

    @Test(
        "labels from a second .npy or .csv file beside a features-only file", arguments: ["labels.npy", "labels.csv"])
    func labelsFile(_ labels: String) throws {
        let ds = try DatasetLoader.load(url: Self.hostile("features_only.npy"), labelsURL: Self.hostile(labels))
        #expect(ds.classLabels == [0, 1, 2, 1, 0, 2])
        #expect(ds.features.shape == [6, 2])
        #expect(ds.source.contains("with labels from"))
    }

    @Test("a labels file beside a file that has labels already, or of the wrong length, is an error")
    func labelsFileConflicts() throws {
        let twice = errorDescription {
            _ = try DatasetLoader.load(url: Self.hostile("float_labels.npz"), labelsURL: Self.hostile("labels.npy"))
        }
        #expect(twice?.contains("holds labels already") == true, "\(twice ?? "")")
        let short = try writeTemporaryFile("short.csv", "label\n0\n1\n")
        let mismatch = errorDescription {
            _ = try DatasetLoader.load(url: Self.hostile("features_only.npy"), labelsURL: short)
        }
        #expect(mismatch?.contains("6 feature rows but 2 labels") == true, "\(mismatch ?? "")")
    }

    @Test("a CSV whose label column is `target` is read without labels and names `target` as the likely column")
    func plausibleLabelColumn() throws {
        let ds = try DatasetLoader.load(url: Self.hostile("target_column.csv"))
        #expect(ds.labels == nil)
        #expect(ds.plausibleLabelColumn == "target")
        let withColumn = try DatasetLoader.load(url: Self.hostile("target_column.csv"), labelColumn: "target")
        #expect(withColumn.classLabels == [0, 1, 2, 1, 0, 2])
        #expect(withColumn.plausibleLabelColumn == nil)
    }

    @Test("the text label `cat` among class numbers is reported as not a number, with its line")
    func textAmongNumbers() {
        let message = errorDescription { _ = try DatasetLoader.load(url: Self.hostile("cat_label.csv")) }
        #expect(message?.contains("cat_label.csv:4: column 3 'label': label 'cat' is not a number") == true)
        let labels = try? writeTemporaryFile("labels.csv", "label\n0\ncat\n1\n1\n0\n2\n")
        let fromFile = errorDescription {
            _ = try DatasetLoader.load(url: Self.hostile("features_only.npy"), labelsURL: labels)
        }
        #expect(fromFile?.contains("'cat' is not a number") == true, "\(fromFile ?? "")")
    }

    @Test("a directory named *.npz, *.npy or *.csv is refused at once as not a regular file")
    func directoryAsData() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["trap.npz", "trap.npy", "trap.csv"] {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let message = errorDescription { _ = try DatasetLoader.load(url: url) }
            #expect(message?.contains("\(name): cannot read the file: it is a directory") == true, "\(message ?? "")")
        }
    }

    @Test("a named pipe given as data is refused without opening it (opening would block)")
    func fifoAsData() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["pipe.npz", "pipe.npy", "pipe.csv"] {
            let url = dir.appendingPathComponent(name)
            try #require(mkfifo(url.path, 0o600) == 0)
            let message = errorDescription { _ = try DatasetLoader.load(url: url) }
            #expect(message?.contains("it is a named pipe (FIFO)") == true, "\(message ?? "")")
            #expect(errorDescription { _ = try SHA256.hex(contentsOf: url) }?.contains("named pipe") == true)
        }
    }
}
