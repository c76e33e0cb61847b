import AIRiskTensor

/// onnx.TypeProto, decoded into the public ``ONNXValueType``.
enum TypeProto {
    static func decode(_ reader: inout ProtoReader) throws -> ONNXValueType {
        var result = ONNXValueType.unknown
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1: result = try reader.message(wire, "tensor_type", { try decodeTensor(&$0, sparse: false) })
            case 8: result = try reader.message(wire, "sparse_tensor_type", { try decodeTensor(&$0, sparse: true) })
            case 4: result = .sequence(try reader.message(wire, "sequence_type", decodeElementType))
            case 5:
                var sub = try reader.message(wire, "map_type")
                var key = ONNXElementType(code: 0)
                var value = ONNXValueType.unknown
                try sub.forEachField { sub, f, w in
                    switch f {
                    case 1: key = ONNXElementType(code: try sub.int32(w, "key_type"))
                    case 2: value = try sub.message(w, "value_type", decode)
                    default: try sub.skip(w, field: f)
                    }
                }
                result = .map(key: key, value: value)
            case 9: result = .optional(try reader.message(wire, "optional_type", decodeElementType))
            case 7:
                _ = try reader.bytesRange(wire, "opaque_type")
                result = .opaque
            default: try reader.skip(wire, field: field)
            }
        }
        return result
    }

    /// The `elem_type` (field 1) of a Sequence or Optional type.
    private static func decodeElementType(_ reader: inout ProtoReader) throws -> ONNXValueType {
        var element = ONNXValueType.unknown
        try reader.forEachField { reader, field, wire in
            if field == 1 {
                element = try reader.message(wire, "elem_type", decode)
            } else {
                try reader.skip(wire, field: field)
            }
        }
        return element
    }

    private static func decodeTensor(_ reader: inout ProtoReader, sparse: Bool) throws -> ONNXValueType {
        var element = ONNXElementType(code: 0)
        var shape: [ValueInfoDimension]?
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1: element = ONNXElementType(code: try reader.int32(wire, "elem_type"))
            case 2:
                var sub = try reader.message(wire, "shape")
                var dims: [ValueInfoDimension] = []
                try sub.forEachField { sub, f, w in
                    if f == 1 {
                        dims.append(try sub.message(w, "dim[\(dims.count)]", decodeDimension))
                    } else {
                        try sub.skip(w, field: f)
                    }
                }
                shape = dims
            default: try reader.skip(wire, field: field)
            }
        }
        return sparse ? .sparseTensor(element) : .tensor(element, shape: shape)
    }

    private static func decodeDimension(_ reader: inout ProtoReader) throws -> ValueInfoDimension {
        var dim = ValueInfoDimension.unknown
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1:
                let v = try reader.int64(wire, "dim_value")
                // Some exporters write -1 for "unknown"; treat any value outside Int32 as unknown.
                dim = (0...Int64(Int32.max)).contains(v) ? .fixed(Int(v)) : .unknown
            case 2: dim = .symbolic(try reader.string(wire, "dim_param"))
            default: try reader.skip(wire, field: field)
            }
        }
        return dim
    }
}

typealias ValueInfoDimension = ValueInfo.Dimension
