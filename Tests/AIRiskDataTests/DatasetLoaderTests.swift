import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskData

@Suite("Dataset loader")
struct DatasetLoaderTests {
    @Test("an .npz with default keys x / y")
    func npzDefaultKeys() throws {
        let data = try DatasetLoader.load(url: Fixtures.npz("deflated.npz"))
        #expect(data.features.shape == [5, 3])
        #expect(data.classLabels == [0, 1, 1, 0, 2])
        #expect(data.featureNames == ["feature_0", "feature_1", "feature_2"])
        #expect(data.source.hasSuffix("deflated.npz (x, y)"))
    }

    @Test("an .npz with features / labels keys, int32 labels widened to int64")
    func npzNamedKeys() throws {
        let data = try DatasetLoader.load(url: Fixtures.npz("named_keys.npz"))
        #expect(data.features.shape == [5, 3])
        #expect(data.labels?.int64s == [0, 1, 1, 0, 2])
    }

    @Test("explicit keys, float regression targets, and an archive without labels")
    func npzVariants() throws {
        let regression = try DatasetLoader.load(url: Fixtures.npz("regression.npz"), featuresKey: "X", labelsKey: "Y")
        #expect(regression.targets == [0.5, 1.5, -2.0, 3.0, 4.25])
        #expect(regression.classLabels == nil)
        let unlabelled = try DatasetLoader.load(url: Fixtures.npz("no_labels.npz"))
        #expect(unlabelled.labels == nil)
        let message = try #require(
            errorDescription {
                _ = try DatasetLoader.load(url: Fixtures.npz("no_labels.npz"), labelsKey: "targets")
            })
        #expect(message.contains("no array named 'targets'"))
    }

    @Test("float targets of shape [rows, k] are a multi-output regressor's targets; integer [rows, k] is refused")
    func multiOutputTargets() throws {
        let x = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        let y = Tensor(shape: [2, 3], scalars: [0.5, 1, 1.5, 2, 2.5, 3])
        let ds = try DatasetLoader.assemble(features: x, labels: y, source: "t.npz")
        #expect(ds.targetWidth == 3)
        #expect(ds.targets == [0.5, 1, 1.5, 2, 2.5, 3])
        #expect(ds.wholeNumberClassLabels == nil)
        let ints = Tensor(shape: [2, 3], int64: [0, 1, 2, 0, 1, 2])
        let message = try #require(
            errorDescription { _ = try DatasetLoader.assemble(features: x, labels: ints, source: "t.npz") })
        #expect(message.contains("expected one label per row"))
        #expect(message.contains("float regression targets of shape [2, k]"))
    }

    @Test("features and labels with different row counts are refused")
    func mismatchedRows() throws {
        let message = try #require(
            errorDescription { _ = try DatasetLoader.load(url: Fixtures.npz("mismatched_rows.npz")) })
        #expect(message.contains("5 feature rows but 4 labels"))
        #expect(message.contains("mismatched_rows.npz"))
    }

    @Test(".npy features with labels from a second .npy file")
    func npyPair() throws {
        let data = try DatasetLoader.load(url: Fixtures.npy("dataset_x.npy"), labelsURL: Fixtures.npy("dataset_y.npy"))
        #expect(data.features.shape == [6, 5])
        #expect(data.classLabels == [0, 1, 2, 1, 0, 2])
        let alone = try DatasetLoader.load(url: Fixtures.npy("dataset_x.npy"))
        #expect(alone.labels == nil)
    }

    @Test("integer and 1-D .npy features become float32 [rows, features]")
    func featureConversion() throws {
        let data = try DatasetLoader.load(url: Fixtures.npy("vector_i2.npy"))
        #expect(data.features == Tensor(shape: [3, 1], scalars: [3, -1, 7]))
        #expect(throws: DataError.self) { _ = try DatasetLoader.load(url: Fixtures.npy("scalar_f8.npy")) }
    }

    @Test("CSV uses the 'label' column by default and reads without labels when there is none")
    func csvDefaults() throws {
        let labelled = try writeTemporaryFile("d.csv", "a,label\n1,0\n2,1\n")
        #expect(try DatasetLoader.load(url: labelled).classLabels == [0, 1])
        let unlabelled = try writeTemporaryFile("e.csv", "a,b\n1,0\n2,1\n")
        #expect(try DatasetLoader.load(url: unlabelled).labels == nil)
        let custom = try writeTemporaryFile("f.csv", "a,target\n1,1\n2,0\n")
        #expect(try DatasetLoader.load(url: custom, labelColumn: "target").classLabels == [1, 0])
    }

    @Test("unknown extensions are refused naming the file")
    func unknownExtension() throws {
        let url = try writeTemporaryFile("data.parquet", "PAR1")
        let message = try #require(errorDescription { _ = try DatasetLoader.load(url: url) })
        #expect(message.contains("data.parquet"))
        #expect(message.contains(".npy, .npz or .csv"))
    }
}
