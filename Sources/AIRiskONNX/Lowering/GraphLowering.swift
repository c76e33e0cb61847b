import AIRiskTensor
import Foundation

/// Lowers decoded protobuf graphs onto the engine's ``Graph``, checking the graph's structure:
/// typed runtime inputs, initializers consistent with their declarations, every value produced
/// before use (nodes are sorted topologically if the file lists them out of order), outputs produced.
struct GraphLowering {
    let file: String
    let opsetImports: [String: Int]
    var limits: ONNXLimits = .standard
    /// How many subgraphs enclose the graph being lowered (0 for the main graph).
    var subgraphDepth = 0
    /// The model file's folder, where external tensor data is looked up (nil when loaded from bytes).
    var directory: URL? = nil

    struct Result {
        var graph: Graph
        var inputs: [ONNXValueDeclaration]
        var outputs: [ONNXValueDeclaration]
    }

    func lowerMain(_ proto: GraphProto) throws -> Result {
        if proto.hasSparseInitializers {
            throw ONNXError.unsupportedFeature(file: file, feature: "\(proto.path).sparse_initializer")
        }
        let initializers = try lowerInitializers(proto)

        var runtimeInputs: [ValueInfo] = []
        var declaredInputs: [ONNXValueDeclaration] = []
        var seen = Set<String>()
        for (index, input) in proto.inputs.enumerated() {
            let path = "\(proto.path).input[\(index)]"
            guard !input.name.isEmpty else { throw ONNXError.invalidGraph(file: file, reason: "\(path) has no name") }
            guard seen.insert(input.name).inserted else {
                throw ONNXError.invalidGraph(file: file, reason: "graph input '\(input.name)' is declared twice")
            }
            if let tensor = initializers[input.name] {
                try checkInitializer(tensor, against: input, path: path)
                continue
            }
            guard input.hasType else {
                throw ONNXError.invalidGraph(
                    file: file, reason: "graph input '\(input.name)' (\(path)) has no declared type")
            }
            guard case .tensor(let element, let shape) = input.type else {
                throw ONNXError.unsupportedValueType(file: file, value: input.name, type: input.type.description)
            }
            guard element.isSupported else {
                throw ONNXError.unsupportedDataType(file: file, fieldPath: path + ".type", dataType: element.name)
            }
            runtimeInputs.append(ValueInfo(name: input.name, elementType: element.name, shape: shape))
            declaredInputs.append(
                ONNXValueDeclaration(name: input.name, declaredType: input.type, docString: input.docString))
        }

        let nodes = QuantizeOutputType.annotate(
            try lowerNodes(proto, available: Set(runtimeInputs.map(\.name)).union(initializers.keys)), graph: proto)
        let producers = Dictionary(nodes.flatMap { n in n.outputs.map { ($0, n) } }, uniquingKeysWith: { a, _ in a })

        var outputs: [ValueInfo] = []
        var declaredOutputs: [ONNXValueDeclaration] = []
        for (index, output) in proto.outputs.enumerated() {
            guard
                producers[output.name] != nil || initializers[output.name] != nil
                    || runtimeInputs.contains(where: { $0.name == output.name })
            else {
                throw ONNXError.invalidGraph(
                    file: file,
                    reason: "graph output '\(output.name)' (\(proto.path).output[\(index)]) is not produced by any node"
                )
            }
            var declaration = ONNXValueDeclaration(
                name: output.name, declaredType: output.type, docString: output.docString)
            switch output.type {
            case .tensor(let element, let shape):
                outputs.append(ValueInfo(name: output.name, elementType: element.name, shape: shape))
            default:
                if let node = producers[output.name], node.opType == "ZipMap", node.domain == "ai.onnx.ml" {
                    let labels = try zipMapLabels(node)
                    declaration.zipMapClassLabels = labels
                    outputs.append(
                        ValueInfo(name: output.name, elementType: "float32", shape: [.unknown, .fixed(labels.count)]))
                } else {
                    outputs.append(ValueInfo(name: output.name, elementType: nil, shape: nil))
                }
            }
            declaredOutputs.append(declaration)
        }

        let graph = Graph(
            name: proto.name, nodes: nodes, inputs: runtimeInputs, outputs: outputs, initializers: initializers,
            opsetImports: opsetImports)
        return Result(graph: graph, inputs: declaredInputs, outputs: declaredOutputs)
    }

    /// A subgraph (the body of If, Loop or Scan): lowered without the runtime-input checks, since
    /// its nodes may read values of the enclosing graph.
    func lowerSubgraph(_ proto: GraphProto) throws -> Graph {
        var inner = self
        inner.subgraphDepth += 1
        guard inner.subgraphDepth <= limits.maxSubgraphDepth else {
            throw ONNXError.nestedTooDeeply(file: file, fieldPath: proto.path, limit: limits.maxSubgraphDepth)
        }
        return try inner.lowerSubgraphBody(proto)
    }

    private func lowerSubgraphBody(_ proto: GraphProto) throws -> Graph {
        let initializers = try lowerInitializers(proto)
        let nodes = try proto.nodes.enumerated().map { try lowerNode($1, index: $0) }
        func info(_ v: ValueInfoProto) -> ValueInfo {
            if case .tensor(let e, let shape) = v.type {
                return ValueInfo(name: v.name, elementType: e.name, shape: shape)
            }
            return ValueInfo(name: v.name, elementType: nil, shape: nil)
        }
        return Graph(
            name: proto.name, nodes: nodes, inputs: proto.inputs.map(info), outputs: proto.outputs.map(info),
            initializers: initializers, opsetImports: opsetImports)
    }

    private func lowerInitializers(_ proto: GraphProto) throws -> [String: Tensor] {
        var result: [String: Tensor] = [:]
        for (index, t) in proto.initializers.enumerated() {
            let path = "\(proto.path).initializer[\(index)]"
            guard !t.name.isEmpty else { throw ONNXError.invalidGraph(file: file, reason: "\(path) has no name") }
            guard result[t.name] == nil else {
                throw ONNXError.invalidGraph(file: file, reason: "initializer '\(t.name)' is defined twice")
            }
            result[t.name] = try decodeTensor(t, path: path + " ('\(t.name)')")
        }
        return result
    }

    func decodeTensor(_ t: TensorProto, path: String) throws -> Tensor {
        do {
            var t = t
            if t.dataLocation == 1 {
                do {
                    t = try ExternalTensorData(directory: directory, file: file, limits: limits).resolve(t)
                } catch let failure as ExternalTensorData.Failure {
                    throw ONNXError.invalidTensor(file: file, fieldPath: path, reason: failure.reason)
                }
            }
            return try TensorDecoding.decode(t, maxBytes: limits.maxTensorBytes)
        } catch let failure as TensorDecoding.Failure {
            switch failure.kind {
            case .tooLarge(let bytes):
                throw ONNXError.tooLarge(
                    file: file, what: "tensor \(path) (dims \(t.dims))", bytes: bytes, limit: limits.maxTensorBytes)
            case .unsupportedType(let name):
                throw ONNXError.unsupportedDataType(file: file, fieldPath: path, dataType: name)
            case .invalid(let reason):
                throw ONNXError.invalidTensor(file: file, fieldPath: path, reason: reason)
            }
        }
    }

    private func checkInitializer(_ tensor: Tensor, against input: ValueInfoProto, path: String) throws {
        guard case .tensor(_, let shape?) = input.type else { return }
        let consistent =
            shape.count == tensor.shape.count
            && zip(shape, tensor.shape).allSatisfy { declared, actual in
                if case .fixed(let n) = declared { return n == actual }
                return true
            }
        guard consistent else {
            throw ONNXError.invalidTensor(
                file: file, fieldPath: path,
                reason: "initializer '\(input.name)' has shape \(tensor.shape) but the graph input declares "
                    + "[\(shape.map(\.description).joined(separator: ", "))]")
        }
    }

    /// Lowers the nodes and returns them in an order where every value is produced before it is read.
    private func lowerNodes(_ proto: GraphProto, available initial: Set<String>) throws -> [Node] {
        let nodes = try proto.nodes.enumerated().map { try lowerNode($1, index: $0) }
        var producer: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            for output in node.outputs where !output.isEmpty {
                guard producer[output] == nil, !initial.contains(output) else {
                    throw ONNXError.invalidGraph(
                        file: file,
                        reason: "value '\(output)' is produced more than once (again by node '\(node.name)')")
                }
                producer[output] = i
            }
        }
        for node in nodes {
            for input in node.inputs where !input.isEmpty && !initial.contains(input) && producer[input] == nil {
                throw ONNXError.invalidGraph(
                    file: file,
                    reason: "node '\(node.name)' (\(node.opType)) reads '\(input)', which is not a graph input, "
                        + "an initializer or the output of any node")
            }
        }
        // Kahn's algorithm, stable: keeps the file's order when it is already topological.
        var available = initial
        var done = [Bool](repeating: false, count: nodes.count)
        var ordered: [Node] = []
        ordered.reserveCapacity(nodes.count)
        var progress = true
        while ordered.count < nodes.count && progress {
            progress = false
            for (i, node) in nodes.enumerated() where !done[i] {
                if node.inputs.allSatisfy({ $0.isEmpty || available.contains($0) }) {
                    done[i] = true
                    progress = true
                    ordered.append(node)
                    available.formUnion(node.outputs)
                }
            }
        }
        if let stuck = nodes.indices.first(where: { !done[$0] }) {
            throw ONNXError.invalidGraph(
                file: file, reason: "node '\(nodes[stuck].name)' (\(nodes[stuck].opType)) is part of a cycle")
        }
        return ordered
    }

    private func lowerNode(_ proto: NodeProto, index: Int) throws -> Node {
        guard !proto.opType.isEmpty else {
            throw ONNXError.invalidGraph(file: file, reason: "\(proto.path) has no op_type")
        }
        let name = proto.name.isEmpty ? "\(proto.opType)#\(index)" : proto.name
        var attributes: [String: AttributeValue] = [:]
        for attribute in proto.attributes {
            guard !attribute.name.isEmpty else {
                throw ONNXError.invalidGraph(file: file, reason: "\(attribute.path) of node '\(name)' has no name")
            }
            attributes[attribute.name] = try lowerAttribute(attribute, node: name)
        }
        return Node(
            name: name, opType: proto.opType, domain: proto.domain == "ai.onnx" ? "" : proto.domain,
            inputs: proto.inputs, outputs: proto.outputs, attributes: attributes)
    }

    private func lowerAttribute(_ a: AttributeProto, node: String) throws -> AttributeValue {
        var type = a.type
        if type == 0 {  // files from IR version < 2 omit the type: infer it from the field present
            if a.f != nil {
                type = 1
            } else if a.i != nil {
                type = 2
            } else if a.s != nil {
                type = 3
            } else if a.t != nil {
                type = 4
            } else if a.g != nil {
                type = 5
            } else if !a.floats.isEmpty {
                type = 6
            } else if !a.ints.isEmpty {
                type = 7
            } else if !a.strings.isEmpty {
                type = 8
            } else if !a.tensors.isEmpty {
                type = 9
            } else if !a.graphs.isEmpty {
                type = 10
            }
        }
        let path = "\(a.path) ('\(a.name)' of node '\(node)')"
        switch type {
        case 1: return .float(a.f ?? 0)
        case 2: return .int(a.i ?? 0)
        case 3: return .string(String(decoding: a.s ?? [], as: UTF8.self))
        case 4:
            guard let t = a.t else {
                throw ONNXError.invalidGraph(file: file, reason: "\(path) is of type TENSOR but has no tensor")
            }
            return .tensor(try decodeTensor(t, path: path + ".t"))
        case 5:
            guard let g = a.g else {
                throw ONNXError.invalidGraph(file: file, reason: "\(path) is of type GRAPH but has no graph")
            }
            return .graph(try lowerSubgraph(g))
        case 6: return .floats(a.floats)
        case 7: return .ints(a.ints)
        case 8: return .strings(a.strings.map { String(decoding: $0, as: UTF8.self) })
        case 9:
            return .tensors(try a.tensors.enumerated().map { try decodeTensor($1, path: path + ".tensors[\($0)]") })
        default:
            let names: [Int32: String] = [
                0: "UNDEFINED", 10: "GRAPHS", 11: "SPARSE_TENSOR", 12: "SPARSE_TENSORS", 13: "TYPE_PROTO",
                14: "TYPE_PROTOS",
            ]
            throw ONNXError.unsupportedFeature(
                file: file, feature: "attribute type \(names[type] ?? String(type)) at \(path)")
        }
    }

    private func zipMapLabels(_ node: Node) throws -> ONNXClassLabels {
        if case .ints(let v)? = node.attributes["classlabels_int64s"] { return .int64(v) }
        if case .strings(let v)? = node.attributes["classlabels_strings"] { return .strings(v) }
        throw ONNXError.invalidGraph(
            file: file, reason: "ZipMap node '\(node.name)' has neither classlabels_int64s nor classlabels_strings")
    }
}
