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
        while !reader.isAtEnd {
            let (field, wire) = try reader.readTag()
            switch field {
            case 1:
                var sub = try reader.message(wire, "node[\(nodes.count)]")
                nodes.append(try NodeProto(from: &sub))
            case 2: name = try reader.string(wire, "name")
            case 5:
                var sub = try reader.message(wire, "initializer[\(initializers.count)]")
                initializers.append(try TensorProto(from: &sub))
            case 15:
                _ = try reader.bytesRange(wire, "sparse_initializer")
                hasSparseInitializers = true
            case 10: docString = try reader.string(wire, "doc_string")
            case 11:
                var sub = try reader.message(wire, "input[\(inputs.count)]")
                inputs.append(try ValueInfoProto(from: &sub))
            case 12:
                var sub = try reader.message(wire, "output[\(outputs.count)]")
                outputs.append(try ValueInfoProto(from: &sub))
            case 13:
                var sub = try reader.message(wire, "value_info[\(valueInfo.count)]")
                valueInfo.append(try ValueInfoProto(from: &sub))
            default: try reader.skip(wire, field: field)
            }
        }
    }
}
