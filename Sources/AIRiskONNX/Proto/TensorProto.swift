/// The fields of onnx.TensorProto this reader understands (field numbers from onnx.proto).
struct TensorProto {
    var dims: [Int64] = []
    var dataType: Int32 = 0
    var floatData: [Float] = []
    /// int32_data, also carrying int8/int16/uint8/uint16/bool/float16/bfloat16 values.
    var int32Data: [Int64] = []
    var stringData: [ArraySlice<UInt8>] = []
    var int64Data: [Int64] = []
    var name: String = ""
    /// raw_data, little-endian, as a slice of the file's bytes (no copy).
    var rawData: ArraySlice<UInt8>?
    var doubleData: [Double] = []
    /// uint64_data, as bit patterns.
    var uint64Data: [Int64] = []
    var dataLocation: Int32 = 0
    var hasExternalData = false
    /// external_data key/value pairs (location, offset, length, checksum) in file order.
    var externalData: [(key: String, value: String)] = []
    var hasSegment = false
    /// Where the tensor sits in the file, for error messages.
    var path: String

    /// The most dims a tensor may declare; more is a damaged or hostile file.
    static let maximumRank = 1024

    /// Reads the message twice: first its dims (wherever they sit in the message), then the data
    /// fields, each bounded by the element count the dims describe, so that data beyond the dims
    /// is refused while it is counted, before it is decoded.
    init(from reader: inout ProtoReader) throws {
        path = reader.path
        var scan = reader
        try scan.forEachField { scan, field, wire in
            switch field {
            case 1: try scan.appendVarints(wire, "dims", to: &dims, limit: Self.maximumRank)
            case 2: dataType = try scan.int32(wire, "data_type")
            default: try scan.skip(wire, field: field)
            }
        }
        // Invalid dims (negative, overflowing) are reported by TensorDecoding; the data is then
        // bounded by the reader's ceiling only.
        var expected: Int? = 1
        for d in dims {
            guard d >= 0, let e = expected else {
                expected = nil
                break
            }
            let (p, overflow) = e.multipliedReportingOverflow(by: Int(d))
            expected = overflow ? nil : p
        }
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1, 2: try reader.skip(wire, field: field)
            case 3:
                _ = try reader.bytesRange(wire, "segment")
                hasSegment = true
            case 4: try reader.appendFloats(wire, "float_data", to: &floatData, limit: expected)
            case 5: try reader.appendVarints(wire, "int32_data", to: &int32Data, limit: expected)
            case 6:
                try reader.checkRoom("string_data", held: stringData.count, adding: 1, limit: expected)
                stringData.append(reader.bytes[try reader.bytesRange(wire, "string_data")])
            case 7: try reader.appendVarints(wire, "int64_data", to: &int64Data, limit: expected)
            case 8: name = try reader.string(wire, "name")
            case 9: rawData = reader.bytes[try reader.bytesRange(wire, "raw_data")]
            case 10: try reader.appendDoubles(wire, "double_data", to: &doubleData, limit: expected)
            case 11: try reader.appendVarints(wire, "uint64_data", to: &uint64Data, limit: expected)
            case 13:
                externalData.append(
                    try reader.message(wire, "external_data[\(externalData.count)]", StringStringEntryProto.decode))
                hasExternalData = true
            case 14: dataLocation = try reader.int32(wire, "data_location")
            default: try reader.skip(wire, field: field)
            }
        }
    }

    /// Decodes a standalone serialized TensorProto (the `input_0.pb` files of the ONNX tests).
    init(bytes: FileBytes, path: String = "TensorProto") throws {
        var reader = ProtoReader(bytes: bytes, path: path)
        try self.init(from: &reader)
    }
}
