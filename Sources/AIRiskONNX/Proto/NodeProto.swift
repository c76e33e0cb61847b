/// onnx.NodeProto.
struct NodeProto {
    var inputs: [String] = []
    var outputs: [String] = []
    var name = ""
    var opType = ""
    var domain = ""
    var attributes: [AttributeProto] = []
    var path: String

    init(from reader: inout ProtoReader) throws {
        path = reader.path
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1: inputs.append(try reader.string(wire, "input[\(inputs.count)]"))
            case 2: outputs.append(try reader.string(wire, "output[\(outputs.count)]"))
            case 3: name = try reader.string(wire, "name")
            case 4: opType = try reader.string(wire, "op_type")
            case 7: domain = try reader.string(wire, "domain")
            case 5:
                attributes.append(
                    try reader.message(wire, "attribute[\(attributes.count)]", AttributeProto.init(from:)))
            default: try reader.skip(wire, field: field)
            }
        }
    }
}
