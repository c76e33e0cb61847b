import AIRiskData
import AIRiskResults
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

/// `--image-shape H,W[,C]`: flattened inputs rendered as pictures, the reconstructions written beside the
/// report as .npy, and shapes that do not fit the model refused with the flag named.
@Suite("assess --image-shape")
struct ImageShapeOptionTests {
    static func arguments(_ shape: String, out: URL) -> [String] {
        let models = FixtureModels.directory
        return [
            "assess", "--model", models.appendingPathComponent("softmax_digits.onnx").path,
            "--members", models.appendingPathComponent("softmax_digits.members.npz").path,
            "--nonmembers", models.appendingPathComponent("softmax_digits.nonmembers.npz").path,
            "--probes", "inversion", "--profile", "quick", "--image-shape", shape, "--out", out.path,
        ]
    }

    static func run(_ arguments: [String]) async throws {
        var command = try AIRiskCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    @Test("8,8 renders the digits' reconstructions and writes them as .npy, equal to the results' table")
    func rendersAndExports() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-image-shape")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.run(Self.arguments("8,8", out: dir))
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        let probe = try #require(doc.probes.first { $0.id == "inversion" })
        #expect(probe.images.count == 20)
        #expect(probe.images.allSatisfy { $0.width == 128 && $0.height == 128 })
        let table = try #require(probe.tables.first { $0.id == .inversionReconstructionsTable })
        #expect(table.rows.count == 64 && table.columns.count == 11)
        let array = try NPYReader.read(contentsOf: dir.appendingPathComponent("inversion-reconstructions.npy"))
        #expect(array.shape == [10, 64])
        let values = try #require(array.floats)
        for (j, row) in table.rows.enumerated() {
            for k in 0..<10 {
                guard case .number(let v) = row[k + 1] else {
                    Issue.record("feature \(j), class \(k): not a number")
                    continue
                }
                #expect(abs(Double(values[k * 64 + j]) - v) <= 1e-6 * max(1, abs(v)))
            }
        }
        #expect(
            FileManager.default.fileExists(
                atPath: dir.appendingPathComponent("inversion-reconstructed-feature-vectors.csv").path))
    }

    @Test("a shape that does not hold the model's 64 features is refused, naming the flag and the size")
    func wrongSize() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-image-shape")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report")
        await #expect {
            try await Self.run(Self.arguments("8,9", out: out))
        } throws: { error in
            let text = "\(error)"
            return text.contains("--image-shape") && text.contains("64")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("results.xml").path))
    }

    @Test("malformed shapes are refused before anything runs", arguments: ["8", "8,8,2", "8,0", "2,2,2,2", "8,x"])
    func malformed(shape: String) throws {
        #expect(throws: (any Error).self) {
            _ = try AIRiskCommand.parseAsRoot(Self.arguments(shape, out: URL(fileURLWithPath: "/nonexistent/x")))
        }
    }
}
