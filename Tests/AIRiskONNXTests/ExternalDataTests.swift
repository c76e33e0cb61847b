import AIRiskONNX
import AIRiskTensor
import Foundation
import Testing

/// Tensors stored beside the model (`data_location = EXTERNAL`), as PyTorch's dynamo exporter
/// writes them, and hostile external_data entries that must be refused.
@Suite("External tensor data")
struct ExternalDataTests {
    let folder = FixturePaths.externalData.appendingPathComponent("mlp")

    @Test("a model saved with save_as_external_data loads and predicts like onnxruntime")
    func loadsAndPredicts() throws {
        let model = try ONNXModel.load(contentsOf: folder.appendingPathComponent("model.onnx"))
        let x = try ONNXTensorFile.load(contentsOf: folder.appendingPathComponent("input_0.pb")).tensor
        let want = try ONNXTensorFile.load(contentsOf: folder.appendingPathComponent("output_0.pb")).tensor
        let got = try #require(try Executor(graph: model.graph).run(inputs: ["X": x])["Y"])
        #expect(TensorComparison.mismatch(actual: got, expected: want, rtol: 1e-5, atol: 1e-6) == nil)
        #expect(model.parameterCount == 4 * 6 + 6 + 6 * 2)
    }

    @Test(
        "hostile external_data entries are refused with an error naming the tensor and the file",
        arguments: [
            ("escape_parent", "'../outside.data' must be a relative path inside the model's folder"),
            ("escape_absolute", "'/etc/hostname' must be a relative path inside the model's folder"),
            ("length_mismatch", "length 8 of 'model.onnx.data' does not match the 96 bytes"),
            ("beyond_file", "needs bytes 100000..<100096"),
            ("missing_file", "'absent.data' cannot be read"),
        ])
    func hostileEntries(name: String, expected: String) throws {
        let url = folder.appendingPathComponent(name + ".onnx")
        do {
            _ = try ONNXModel.load(contentsOf: url)
            Issue.record("\(name) loaded")
        } catch let error as ONNXError {
            let text = error.description
            #expect(text.contains(expected), "\(text)")
            #expect(text.contains("'W1'"), "the error names the tensor: \(text)")
            #expect(text.contains(url.path), "the error names the model file: \(text)")
        }
    }

    @Test("a symbolic link inside the folder that leads outside it is refused")
    func symlinkEscape() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-external-\(UUID())")
        let inside = base.appendingPathComponent("model")
        let outside = base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("model.onnx"), to: inside.appendingPathComponent("model.onnx"))
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("model.onnx.data"), to: outside.appendingPathComponent("weights"))
        try FileManager.default.createSymbolicLink(
            at: inside.appendingPathComponent("model.onnx.data"),
            withDestinationURL: outside.appendingPathComponent("weights"))
        #expect {
            _ = try ONNXModel.load(contentsOf: inside.appendingPathComponent("model.onnx"))
        } throws: { error in
            "\(error)".contains("leads outside the model's folder")
        }
    }

    @Test("a model with external data loaded from bytes says to load it from its file")
    func fromBytes() throws {
        let data = try Data(contentsOf: folder.appendingPathComponent("model.onnx"))
        #expect {
            _ = try ONNXModel.load(data: data, fileName: "model.onnx")
        } throws: { error in
            "\(error)".contains("load the model from its file")
        }
    }

    @Test("an external tensor larger than maxTensorBytes is refused before it is read")
    func sizeLimit() throws {
        #expect {
            _ = try ONNXModel.load(
                contentsOf: folder.appendingPathComponent("model.onnx"), limits: ONNXLimits(maxTensorBytes: 64))
        } throws: { error in
            guard case .tooLarge(_, let what, _, let limit)? = error as? ONNXError else { return false }
            return limit == 64 && what.contains("W1")
        }
    }
}
