import Foundation

@testable import AIRiskTensor

/// A minimal ONNX TensorProto decoder for the backend-test .pb files: dims (field 1), data_type (2),
/// float_data (4), int32_data (5), int64_data (7) and raw_data (9); float32, int32 and int64 only.
enum NeuralTestTensorProto {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func read(_ data: Data) throws -> Tensor {
        let bytes = [UInt8](data)
        var i = 0
        func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard i < bytes.count else { throw Failure(description: "truncated varint") }
                let b = bytes[i]
                i += 1
                result |= UInt64(b & 0x7f) << shift
                if b < 0x80 { return result }
                shift += 7
            }
        }
        var dims: [Int] = []
        var dataType = 0
        var floats: [Float] = []
        var ints: [Int64] = []
        var raw: [UInt8] = []
        while i < bytes.count {
            let key = try varint()
            let field = key >> 3, wire = key & 7
            switch (field, wire) {
            case (1, 0): dims.append(Int(Int64(bitPattern: try varint())))
            case (2, 0): dataType = Int(try varint())
            case (5, 0), (7, 0): ints.append(Int64(bitPattern: try varint()))
            case (4, 5):
                floats += littleEndianFloats(Array(bytes[i..<(i + 4)]))
                i += 4
            case (_, 2):
                let length = Int(try varint())
                let body = Array(bytes[i..<(i + length)])
                i += length
                switch field {
                case 1:
                    var j = 0
                    while j < body.count {
                        var v: UInt64 = 0
                        var shift: UInt64 = 0
                        while true {
                            let b = body[j]
                            j += 1
                            v |= UInt64(b & 0x7f) << shift
                            if b < 0x80 { break }
                            shift += 7
                        }
                        if field == 1 { dims.append(Int(Int64(bitPattern: v))) }
                    }
                case 4: floats += littleEndianFloats(body)
                case 5, 7:
                    var j = 0
                    while j < body.count {
                        var v: UInt64 = 0
                        var shift: UInt64 = 0
                        while true {
                            let b = body[j]
                            j += 1
                            v |= UInt64(b & 0x7f) << shift
                            if b < 0x80 { break }
                            shift += 7
                        }
                        ints.append(field == 5 ? Int64(Int32(truncatingIfNeeded: v)) : Int64(bitPattern: v))
                    }
                case 9: raw = body
                default: break
                }
            case (_, 0): _ = try varint()
            case (_, 1): i += 8
            case (_, 5): i += 4
            default: throw Failure(description: "unsupported wire type \(wire)")
            }
        }
        let count = dims.reduce(1, *)
        switch dataType {
        case 1:
            if !raw.isEmpty { floats = littleEndianFloats(raw) }
            guard floats.count == count else { throw Failure(description: "float count \(floats.count) vs \(dims)") }
            return Tensor(shape: dims, scalars: floats)
        case 6, 7:
            if !raw.isEmpty {
                let width = dataType == 6 ? 4 : 8
                ints = (0..<(raw.count / width)).map { k in
                    var v: UInt64 = 0
                    for b in 0..<width { v |= UInt64(raw[width * k + b]) << (8 * UInt64(b)) }
                    return width == 4 ? Int64(Int32(truncatingIfNeeded: v)) : Int64(bitPattern: v)
                }
            }
            guard ints.count == count else { throw Failure(description: "int count \(ints.count) vs \(dims)") }
            return Tensor(shape: dims, int64: ints)
        default:
            throw Failure(description: "unsupported data_type \(dataType)")
        }
    }
}

private func littleEndianFloats(_ bytes: [UInt8]) -> [Float] {
    (0..<(bytes.count / 4)).map { k in
        Float(
            bitPattern: UInt32(bytes[4 * k]) | UInt32(bytes[4 * k + 1]) << 8
                | UInt32(bytes[4 * k + 2]) << 16 | UInt32(bytes[4 * k + 3]) << 24)
    }
}
