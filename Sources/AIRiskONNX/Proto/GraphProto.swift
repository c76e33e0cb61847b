/// onnx.GraphProto.
struct GraphProto {
    var nodes: [NodeProto] = []
    var name = ""
    var initializers: [TensorProto] = []
    var hasSparseInitializers = false
    var docString = ""
    var inputs: [ValueInfoProto] = []
    var outputs: [ValueInfoProto] = []
    var valueInfo: [ValueInfoProto] = []
    var path: String

    init(from reader: inout ProtoReader) throws {
        path = reader.path
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1: nodes.append(try reader.message(wire, "node[\(nodes.count)]", NodeProto.init(from:)))
            case 2: name = try reader.string(wire, "name")
            case 5:
                initializers.append(
                    try reader.message(wire, "initializer[\(initializers.count)]", TensorProto.init(from:)))
            case 15:
                _ = try reader.bytesRange(wire, "sparse_initializer")
                hasSparseInitializers = true
            case 10: docString = try reader.string(wire, "doc_string")
            case 11: inputs.append(try reader.message(wire, "input[\(inputs.count)]", ValueInfoProto.init(from:)))
            case 12: outputs.append(try reader.message(wire, "output[\(outputs.count)]", ValueInfoProto.init(from:)))
            case 13:
                valueInfo.append(try reader.message(wire, "value_info[\(valueInfo.count)]", ValueInfoProto.init(from:)))
            default: try reader.skip(wire, field: field)
            }
        }
    }
}
