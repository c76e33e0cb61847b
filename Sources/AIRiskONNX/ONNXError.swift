/// Why an ONNX model could not be loaded. Every case names the file and the place in it
/// (a protobuf field path such as `ModelProto.graph.node[3].attribute[1]`, a node or an operator).
package enum ONNXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The bytes are not a valid protobuf encoding of the ONNX message (truncated, bad varint, …).
    case malformed(file: String, fieldPath: String, reason: String)
    /// The model has no graph.
    case missingGraph(file: String)
    /// An operator-set version outside the range the engine implements.
    case unsupportedOpset(file: String, domain: String, version: Int64, supported: ClosedRange<Int64>)
    /// A node uses an operator the engine has no kernel for.
    case unsupportedOperator(file: String, opType: String, domain: String, node: String)
    /// A tensor whose element type the engine cannot hold (complex, float8, …).
    case unsupportedDataType(file: String, fieldPath: String, dataType: String)
    /// A tensor whose dims and data disagree, or whose data is missing or stored outside the file.
    case invalidTensor(file: String, fieldPath: String, reason: String)
    /// A graph-level inconsistency: undeclared inputs, values no node produces, cycles, duplicates.
    case invalidGraph(file: String, reason: String)
    /// A graph input or output of a type the engine cannot feed or return (sequences, maps, …).
    case unsupportedValueType(file: String, value: String, type: String)
    /// A feature of ONNX the loader does not implement (sparse initializers, model-local functions).
    case unsupportedFeature(file: String, feature: String)
    /// The file, or something it declares, is beyond a ceiling of ``ONNXLimits``.
    case tooLarge(file: String, what: String, bytes: UInt64, limit: UInt64)
    /// A value the graph would compute exceeds ``ONNXLimits/maxValueBytes`` (found by the static size
    /// pass at load time); `reason` names the node, the value and its shape.
    case graphTooLarge(file: String, reason: String)
    /// Subgraphs (If / Loop / Scan bodies) nested beyond ``ONNXLimits/maxSubgraphDepth``.
    case nestedTooDeeply(file: String, fieldPath: String, limit: Int)

    package var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the model: \(reason)"
        case .malformed(let file, let path, let reason):
            return "\(file): malformed ONNX protobuf at \(path): \(reason)"
        case .missingGraph(let file):
            return "\(file): the model has no graph (ModelProto.graph is missing)"
        case .unsupportedOpset(let file, let domain, let version, let supported):
            let d = domain.isEmpty ? "ai.onnx" : domain
            return "\(file): opset \(version) of domain '\(d)' is not supported "
                + "(supported: \(supported.lowerBound)–\(supported.upperBound)); re-export with a supported opset"
        case .unsupportedOperator(let file, let opType, let domain, let node):
            let d = domain.isEmpty ? "ai.onnx" : domain
            return "\(file): operator \(opType) (domain '\(d)') used by node '\(node)' is not supported by airisk"
        case .unsupportedDataType(let file, let path, let dataType):
            return "\(file): \(path): element type \(dataType) is not supported "
                + "(supported: float32/64/16, bfloat16, int8–64, uint8–64, bool, string)"
        case .invalidTensor(let file, let path, let reason):
            return "\(file): invalid tensor at \(path): \(reason)"
        case .invalidGraph(let file, let reason):
            return "\(file): invalid graph: \(reason)"
        case .unsupportedValueType(let file, let value, let type):
            return "\(file): graph value '\(value)' has type \(type), which airisk cannot feed or return; "
                + "only dense tensors are supported"
        case .unsupportedFeature(let file, let feature):
            return "\(file): \(feature) is not supported"
        case .tooLarge(let file, let what, let bytes, let limit):
            return "\(file): \(what) needs \(bytes) bytes, more than the limit of \(limit) bytes "
                + "(raise ONNXLimits if the model is genuine)"
        case .graphTooLarge(let file, let reason):
            return "\(file): \(reason)"
        case .nestedTooDeeply(let file, let path, let limit):
            return "\(file): subgraphs nested more than \(limit) levels deep at \(path)"
        }
    }
}
