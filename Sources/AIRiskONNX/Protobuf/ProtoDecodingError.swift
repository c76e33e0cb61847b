/// A wire-format problem found while decoding, located by its field path
/// (e.g. `ModelProto.graph.node[3].attribute[0].t.raw_data`).
///
/// The loader wraps it into ``ONNXError/malformed(file:fieldPath:reason:)`` with the file name.
struct ProtoDecodingError: Error, Equatable {
    var fieldPath: String
    var reason: String
}
