import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskCLI

private let models = FixtureModels.directory

@Suite("--out checked before the assessment")
struct OutputFolderTests {
    @Test("an unusable --out fails before any data is read or probe runs, naming the folder")
    func unusableOutFailsFirst() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        // The data files do not exist: had the assessment started, the error would name them.
        let missing = dir.appendingPathComponent("nope.npz").path
        for out in [file.path, file.appendingPathComponent("reports").path] {
            let capture = TerminalOutput.Capture()
            let started = ContinuousClock.now
            let status = await TerminalOutput.Capture.$current.withValue(capture) {
                await AIRiskCommand.run(arguments: [
                    "assess", "--model", models.appendingPathComponent("softmax_digits.onnx").path,
                    "--members", missing, "--nonmembers", missing, "--out", out,
                ])
            }
            let message = String(decoding: capture.standardError, as: UTF8.self)
            #expect(status == 1)
            #expect(message.contains("output folder") && message.contains("a-file"), "\(message)")
            #expect(!message.contains("nope.npz"), "\(message)")
            #expect(ContinuousClock.now - started < .seconds(5))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a-file"])
    }

    @Test("an --out airisk cannot create (even as root) fails before the assessment")
    func uncreatableOut() async throws {
        // /proc refuses new entries to every user, root included (a chmod 555 folder would not stop root).
        let dir = URL(fileURLWithPath: "/proc/airisk-out-\(UUID().uuidString)")
        let missing = dir.appendingPathComponent("nope.npz").path
        let capture = TerminalOutput.Capture()
        let status = await TerminalOutput.Capture.$current.withValue(capture) {
            await AIRiskCommand.run(arguments: [
                "assess", "--model", models.appendingPathComponent("softmax_digits.onnx").path,
                "--members", missing, "--nonmembers", missing, "--out", dir.path,
            ])
        }
        let message = String(decoding: capture.standardError, as: UTF8.self)
        #expect(status == 1)
        #expect(message.contains("output folder") && !message.contains("nope.npz"), "\(message)")
    }
}
