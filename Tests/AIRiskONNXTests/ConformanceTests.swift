import Foundation
import Testing

@Suite("ONNX conformance")
struct ConformanceTests {
    @Test("every registered operator passes the ONNX backend node tests (libonnx-testdata)")
    func onnxNodeTests() throws {
        let root = FixturePaths.onnxNodeTests
        guard FileManager.default.fileExists(atPath: root.path) else {
            print("libonnx-testdata is not installed (\(root.path) missing): ONNX node conformance skipped")
            return
        }
        let dirs = FixturePaths.caseDirectories(in: root, prefix: "test_")
        let result = ConformanceHarness(rtol: 1e-3, atol: 1e-7).runAll(dirs, title: "onnx-node")
        #expect(
            result.failures.isEmpty,
            "\(result.failures.count) float cases failed:\n\(result.failures.joined(separator: "\n"))")
    }

    @Test("ai.onnx.ml operators match onnxruntime on the generated cases to 1e-5")
    func classicalMLCases() throws {
        let dirs = FixturePaths.caseDirectories(in: FixturePaths.mlCases)
        try #require(dirs.count >= 40, "run scripts/make_ml_op_cases.py to generate Fixtures/ml")
        let result = ConformanceHarness(rtol: 1e-5, atol: 1e-5).runAll(dirs, title: "ai.onnx.ml")
        #expect(result.skipped == 0)
        #expect(result.ran == dirs.count)
        #expect(
            result.failures.isEmpty,
            "\(result.failures.count) cases failed:\n\(result.failures.joined(separator: "\n"))")
    }
}
