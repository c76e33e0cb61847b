import Foundation
import Testing

/// The data-driven kernel tests take their cases from `NeuralFixtures.names`, which cannot throw while the
/// test list is built: these checks make a fixture that fails to decode, or a case list that shrank, a failure
/// instead of a test that silently runs fewer cases.
@Suite("Neural kernel fixtures")
struct NeuralFixturesTests {
    /// How many committed cases each (operator, source) pair has; update with the fixtures
    /// (scripts/make_nn_cases.py).
    static let expectedCounts: [String: Int] = [
        "AveragePool/onnx-backend-test": 13, "AveragePool/onnxruntime": 3,
        "BatchNormalization/onnx-backend-test": 4, "BatchNormalization/onnxruntime": 1,
        "Conv/onnx-backend-test": 6, "Conv/onnxruntime": 6,
        "GRU/onnx-backend-test": 4, "GRU/onnxruntime": 8,
        "GlobalAveragePool/onnx-backend-test": 2, "GlobalAveragePool/onnxruntime": 1,
        "GlobalMaxPool/onnx-backend-test": 2,
        "LSTM/onnx-backend-test": 4, "LSTM/onnxruntime": 5,
        "MaxPool/onnx-backend-test": 14, "MaxPool/onnxruntime": 2,
        "RNN/onnx-backend-test": 4, "RNN/onnxruntime": 4,
    ]

    @Test("every fixture file decodes, and each operator has its known number of cases")
    func everyFixtureDecodes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: NeuralFixtures.directory.path)
            .filter { $0.hasSuffix(".json") }
        #expect(files.count == Self.expectedCounts.values.reduce(0, +))
        for file in files {
            #expect(throws: Never.self, "\(file) does not decode") {
                _ = try NeuralFixtures.load(String(file.dropLast(5)))
            }
        }
        for (key, count) in Self.expectedCounts {
            let parts = key.split(separator: "/").map(String.init)
            #expect(NeuralFixtures.names(opType: parts[0], source: parts[1]).count == count, "\(key)")
        }
    }
}
