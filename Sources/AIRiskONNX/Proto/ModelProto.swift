/// onnx.ModelProto.
struct ModelProto {
    var irVersion: Int64 = 0
    /// (domain, version) pairs in file order.
    var opsetImports: [(domain: String, version: Int64)] = []
    var producerName = ""
    var producerVersion = ""
    var domain = ""
    var modelVersion: Int64 = 0
    var docString = ""
    var graph: GraphProto?
    var metadataProps: [(key: String, value: String)] = []
    var hasFunctions = false

    init(
        bytes: FileBytes, maximumDepth: Int = ProtoReader.defaultMaximumDepth, maximumElements: Int = Int.max
    ) throws {
        var reader = ProtoReader(
            bytes: bytes, path: "ModelProto", maximumDepth: maximumDepth, maximumElements: maximumElements)
        try reader.forEachField { reader, field, wire in
            switch field {
            case 1: irVersion = try reader.int64(wire, "ir_version")
            case 8:
                var sub = try reader.message(wire, "opset_import[\(opsetImports.count)]")
                var d = ""
                var v: Int64 = 0
                try sub.forEachField { sub, f, w in
                    switch f {
                    case 1: d = try sub.string(w, "domain")
                    case 2: v = try sub.int64(w, "version")
                    default: try sub.skip(w, field: f)
                    }
                }
                opsetImports.append((d, v))
            case 2: producerName = try reader.string(wire, "producer_name")
            case 3: producerVersion = try reader.string(wire, "producer_version")
            case 4: domain = try reader.string(wire, "domain")
            case 5: modelVersion = try reader.int64(wire, "model_version")
            case 6: docString = try reader.string(wire, "doc_string")
            case 7: graph = try reader.message(wire, "graph", GraphProto.init(from:))
            case 14:
                metadataProps.append(
                    try reader.message(wire, "metadata_props[\(metadataProps.count)]", StringStringEntryProto.decode))
            case 25:
                _ = try reader.bytesRange(wire, "functions")
                hasFunctions = true
            default: try reader.skip(wire, field: field)
            }
        }
    }
}
