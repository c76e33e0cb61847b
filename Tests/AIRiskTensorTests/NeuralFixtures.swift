import Foundation
import Testing

@testable import AIRiskTensor

enum NeuralFixtures {
    static let officialRoot = URL(fileURLWithPath: "/usr/share/libonnx-testdata/data/node")
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/nn")
    static let officialDataInstalled = FileManager.default.fileExists(atPath: officialRoot.path)
    static let officialDataMissing: Comment =
        "libonnx-testdata is not installed (\(officialRoot.path) missing): apt-get install libonnx-testdata"

    /// Fixture names whose operator is `opType`, optionally only from one source.
    static func names(opType: String, source: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { file -> String? in
            guard let c = try? load(String(file.dropLast(5))), c.opType == opType, c.source == source else {
                return nil
            }
            return c.name
        }
    }

    static func load(_ name: String) throws -> NeuralCase {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(NeuralCase.self, from: data)
    }

    /// Runs a fixture through `kernel` and compares every expected output (rtol 1e-3, atol 1e-5).
    static func check(_ name: String, kernel: any Kernel.Type) throws {
        let c = try load(name)
        let k = try kernel.init(node: c.node, opset: c.opset)
        let got = try k.forward(c.inputTensors()).outputs
        for (i, expected) in try c.expectedOutputs().enumerated() {
            guard let expected else { continue }
            try #require(i < got.count, "\(name): output \(i) missing")
            expectNeuralOutputClose(got[i], expected, "\(name) output \(i)")
        }
    }
}

func expectNeuralOutputClose(
    _ got: Tensor, _ expected: Tensor, _ label: String, rtol: Float = 1e-3, atol: Float = 1e-5,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        got.shape == expected.shape, "\(label): shape \(got.shape) vs \(expected.shape)", sourceLocation: sourceLocation
    )
    if let e = expected.int64s {
        #expect(got.int64s == e, "\(label): indices differ", sourceLocation: sourceLocation)
        return
    }
    guard let g = got.floats, let e = expected.floats, g.count == e.count else {
        Issue.record("\(label): element type or count differs", sourceLocation: sourceLocation)
        return
    }
    var worst = 0
    var bad = 0
    for i in 0..<g.count where !(abs(g[i] - e[i]) <= atol + rtol * abs(e[i])) {
        if bad == 0 { worst = i }
        bad += 1
    }
    let first = bad > 0 ? "\(g[worst]) vs \(e[worst])" : ""
    #expect(
        bad == 0, "\(label): \(bad) of \(g.count) differ, first at \(worst): \(first)",
        sourceLocation: sourceLocation)
}
