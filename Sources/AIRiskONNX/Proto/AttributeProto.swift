/// onnx.AttributeProto, with every value field kept so the declared `type` can pick one.
struct AttributeProto {
    var name = ""
    var type: Int32 = 0
    var f: Float?
    var i: Int64?
    var s: ArraySlice<UInt8>?
    var t: TensorProto?
    var g: GraphProto?
    var floats: [Float] = []
    var ints: [Int64] = []
    var strings: [ArraySlice<UInt8>] = []
    var tensors: [TensorProto] = []
    var graphs: [GraphProto] = []
    var refAttrName = ""
    var path: String

    init(from reader: inout ProtoReader) throws {
        path = reader.path
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1: name = try reader.string(wire, "name")
            case 20: type = try reader.int32(wire, "type")
            case 2: f = try reader.float(wire, "f")
            case 3: i = try reader.int64(wire, "i")
            case 4: s = reader.bytes[try reader.bytesRange(wire, "s")]
            case 5: t = try reader.message(wire, "t", TensorProto.init(from:))
            case 6: g = try reader.message(wire, "g", GraphProto.init(from:))
            case 7: try reader.appendFloats(wire, "floats", to: &floats)
            case 8: try reader.appendVarints(wire, "ints", to: &ints)
            case 9: strings.append(reader.bytes[try reader.bytesRange(wire, "strings")])
            case 10: tensors.append(try reader.message(wire, "tensors[\(tensors.count)]", TensorProto.init(from:)))
            case 11: graphs.append(try reader.message(wire, "graphs[\(graphs.count)]", GraphProto.init(from:)))
            case 21: refAttrName = try reader.string(wire, "ref_attr_name")
            default: try reader.skip(wire, field: field)
            }
        }
    }
}
