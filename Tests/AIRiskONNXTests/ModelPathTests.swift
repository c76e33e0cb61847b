import AIRiskONNX
import Foundation
import Testing

/// A model path that is not a regular file once blocked (a FIFO) or asked for a 9.2e18-byte buffer (a directory's
/// seek end, `airisk inspect /tmp`): both are refused before the file is opened.
@Suite("Model paths that are not files")
struct ModelPathTests {
    @Test("a directory as the model is an unreadable-file error, not a huge allocation")
    func directory() {
        #expect {
            _ = try ONNXModel.load(contentsOf: URL(fileURLWithPath: NSTemporaryDirectory()))
        } throws: { error in
            "\(error)".contains("it is a directory, not a regular file")
        }
    }

    @Test("a named pipe as the model is refused without opening it")
    func fifo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipe = dir.appendingPathComponent("model.onnx")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        #expect {
            _ = try ONNXModel.load(contentsOf: pipe)
        } throws: { error in
            "\(error)".contains("it is a named pipe (FIFO), not a regular file")
        }
    }
}
