import Foundation
import Testing

@Suite("ONNX conformance")
struct ConformanceTests {
    /// Debian 12's libonnx-testdata (ONNX 1.13) holds this many node cases, and the engine runs at least this
    /// many of them (the rest use operators or types it does not claim); fewer means cases were lost.
    static let nodeCaseCount = 932
    static let nodeCasesRun = 276

    @Test(
        "every registered operator passes the ONNX backend node tests (libonnx-testdata)",
        .enabled(
            if: FileManager.default.fileExists(atPath: FixturePaths.onnxNodeTests.path),
            "libonnx-testdata is not installed (/usr/share/libonnx-testdata missing): apt-get install libonnx-testdata")
    )
    func onnxNodeTests() throws {
        let dirs = FixturePaths.caseDirectories(in: FixturePaths.onnxNodeTests, prefix: "test_")
        #expect(dirs.count >= Self.nodeCaseCount, "libonnx-testdata holds \(dirs.count) cases")
        let result = ConformanceHarness(rtol: 1e-3, atol: 1e-7).runAll(dirs, title: "onnx-node")
        #expect(result.ran >= Self.nodeCasesRun, "only \(result.ran) node cases ran")
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
