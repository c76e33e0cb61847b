import AIRiskTensor
import Foundation

/// Writes ``Tensor``s as numpy .npy files (format 1.0, or 2.0 when the header needs it), row-major,
/// little-endian: Float32 tensors as `<f4`, Int64 tensors as `<i8`, Bool tensors as `|b1`.
/// The bytes are the same as numpy's `np.save` writes for the same array.
package enum NPYWriter {
    /// Why a tensor cannot be written.
    package struct UnsupportedTensor: Error, CustomStringConvertible {
        package var elementType: String
        package var description: String { "cannot write a \(elementType) tensor as .npy (float32, int64, bool only)" }
    }

    /// The .npy image of `tensor`.
    package static func data(for tensor: Tensor) throws -> Data {
        let descr: String
        switch tensor.storage {
        case .float: descr = "<f4"
        case .double: descr = "<f8"
        case .int64: descr = "<i8"
        case .bool: descr = "|b1"
        case .string: throw UnsupportedTensor(elementType: tensor.elementTypeName)
        }
        let shapeText =
            tensor.shape.count == 1
            ? "(\(tensor.shape[0]),)" : "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
        var header = Array("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }".utf8)
        // numpy pads with spaces and a final newline so the data starts on a 64-byte boundary.
        var prefixLength = 10
        if header.count + 1 + prefixLength > 65535 + 10 { prefixLength = 12 }
        let padding = (64 - (prefixLength + header.count + 1) % 64) % 64
        header += [UInt8](repeating: 0x20, count: padding) + [0x0A]
        var out = Data([0x93] + Array("NUMPY".utf8))
        if prefixLength == 10 {
            out += [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)]
        } else {
            let n = UInt32(header.count)
            out += [2, 0, UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF), UInt8((n >> 16) & 0xFF), UInt8(n >> 24)]
        }
        out += header
        switch tensor.storage {
        case .float(let v):
            v.withUnsafeBufferPointer { buffer in
                for x in buffer { withUnsafeBytes(of: x.bitPattern.littleEndian) { out += $0 } }
            }
        case .double(let v):
            v.withUnsafeBufferPointer { buffer in
                for x in buffer { withUnsafeBytes(of: x.bitPattern.littleEndian) { out += $0 } }
            }
        case .int64(let v):
            v.withUnsafeBufferPointer { buffer in
                for x in buffer { withUnsafeBytes(of: x.littleEndian) { out += $0 } }
            }
        case .bool(let v):
            out += v.map { $0 ? UInt8(1) : 0 }
        case .string:
            break
        }
        return out
    }

    /// Writes `tensor` to `url` as .npy.
    package static func write(_ tensor: Tensor, to url: URL) throws {
        do {
            try data(for: tensor).write(to: url, options: .atomic)
        } catch let error as UnsupportedTensor {
            throw error
        } catch {
            throw DataError.unreadable(file: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
