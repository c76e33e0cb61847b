import AIRiskONNX
import Foundation
import Testing

/// Reads every model and data file of the ONNX backend node tests: a broad round-trip check of the
/// protobuf reader on files written by the reference implementation.
@Suite("ONNX backend test files load")
struct ONNXNodeTestLoadingTests {
    @Test(
        "every libonnx-testdata model loads or is rejected as unsupported, never as malformed",
        .enabled(
            if: FileManager.default.fileExists(atPath: FixturePaths.onnxNodeTests.path),
            "libonnx-testdata is not installed (/usr/share/libonnx-testdata missing): apt-get install libonnx-testdata")
    )
    func loadAllModels() throws {
        let root = FixturePaths.onnxNodeTests
        var loaded = 0
        var tensorFiles = 0
        var unsupported: [String: Int] = [:]
        var wrong: [String] = []
        for dir in FixturePaths.caseDirectories(in: root, prefix: "test_") {
            do {
                let model = try ONNXModel.load(
                    contentsOf: dir.appendingPathComponent("model.onnx"), checkOperators: false)
                #expect(!model.graph.nodes.isEmpty)
                loaded += 1
                guard model.graph.outputs.allSatisfy({ $0.elementType != nil }) else { continue }
                for dataSet in FixturePaths.caseDirectories(in: dir, prefix: "test_data_set_") {
                    for file in FixturePaths.caseDirectories(in: dataSet) where file.pathExtension == "pb" {
                        do {
                            _ = try ONNXTensorFile.load(contentsOf: file)
                            tensorFiles += 1
                        } catch let error as ONNXError {
                            if case .unsupportedDataType = error { continue }
                            let place = [dir, dataSet, file].map(\.lastPathComponent).joined(separator: "/")
                            wrong.append("\(place): \(error)")
                        }
                    }
                }
            } catch let error as ONNXError {
                switch error {
                case .unsupportedValueType, .unsupportedDataType, .unsupportedOpset, .unsupportedFeature:
                    unsupported[String("\(error)".split(separator: ":")[1].prefix(40)), default: 0] += 1
                default:
                    wrong.append("\(dir.lastPathComponent): \(error)")
                }
            }
        }
        print("libonnx-testdata: \(loaded) models and \(tensorFiles) tensor files loaded; rejected as unsupported:")
        for (kind, n) in unsupported.sorted(by: { $0.value > $1.value }) { print("  \(n) × \(kind)…") }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        #expect(loaded > 700)
        #expect(tensorFiles > 1500)
    }
}
