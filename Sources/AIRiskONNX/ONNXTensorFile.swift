import AIRiskTensor
import Foundation

/// Reads a standalone serialized TensorProto, the format of the ONNX backend tests'
/// `input_*.pb` / `output_*.pb` files and of `onnx.numpy_helper.from_array(...).SerializeToString()`.
package enum ONNXTensorFile {
    /// Returns the tensor's name (may be empty) and value.
    package static func load(data: Data, fileName: String) throws -> (name: String, tensor: Tensor) {
        try load(bytes: FileBytes(copying: [UInt8](data)), fileName: fileName)
    }

    package static func load(contentsOf url: URL) throws -> (name: String, tensor: Tensor) {
        try load(bytes: try FileBytes.map(url), fileName: url.path)
    }

    static func load(bytes: FileBytes, fileName: String) throws -> (name: String, tensor: Tensor) {
        let proto: TensorProto
        do {
            proto = try TensorProto(bytes: bytes)
        } catch let e as ProtoDecodingError {
            throw ONNXError.malformed(file: fileName, fieldPath: e.fieldPath, reason: e.reason)
        }
        let lowering = GraphLowering(file: fileName, opsetImports: [:])
        return (proto.name, try lowering.decodeTensor(proto, path: "TensorProto"))
    }
}
