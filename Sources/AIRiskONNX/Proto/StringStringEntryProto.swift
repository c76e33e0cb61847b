/// onnx.StringStringEntryProto: a key (field 1) and a value (field 2), as in `metadata_props` and
/// `external_data`.
enum StringStringEntryProto {
    static func decode(_ reader: inout ProtoReader) throws -> (key: String, value: String) {
        var key = ""
        var value = ""
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1: key = try reader.string(wire, "key")
            case 2: value = try reader.string(wire, "value")
            default: try reader.skip(wire, field: field)
            }
        }
        return (key, value)
    }
}
