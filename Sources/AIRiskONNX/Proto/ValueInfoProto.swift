/// onnx.ValueInfoProto: a named, typed graph input, output or intermediate value.
struct ValueInfoProto {
    var name = ""
    var type = ONNXValueType.unknown
    var hasType = false
    var docString = ""

    init(from reader: inout ProtoReader) throws {
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1: name = try reader.string(wire, "name")
            case 2:
                type = try reader.message(wire, "type", TypeProto.decode)
                hasType = true
            case 3: docString = try reader.string(wire, "doc_string")
            default: try reader.skip(wire, field: field)
            }
        }
    }
}
