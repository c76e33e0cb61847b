import AIRiskTensor

/// The element type QuantizeLinear (and QLinearMatMul / QLinearConv) writes is that of its zero point (or, from opset 21, its `output_dtype`
/// attribute). The engine stores every integer type as Int64, so the lowering records the zero point's declared
/// ONNX type as `output_dtype` where the graph states it: a graph input, an initializer, a Cast's `to`, or an
/// Identity of one of those. The kernel saturates to that type's range and refuses a zero point whose type is
/// unknown rather than guessing.
enum QuantizeOutputType {
    static func annotate(_ nodes: [Node], graph proto: GraphProto) -> [Node] {
        let zeroPointInput = ["QuantizeLinear": 2, "QLinearMatMul": 7, "QLinearConv": 7]
        guard nodes.contains(where: { zeroPointInput[$0.opType] != nil && $0.domain.isEmpty }) else { return nodes }
        var types: [String: Int64] = [:]
        for input in proto.inputs {
            if case .tensor(let element, _) = input.type { types[input.name] = Int64(element.code) }
        }
        for t in proto.initializers { types[t.name] = Int64(t.dataType) }
        var result = nodes
        for (i, node) in nodes.enumerated() where node.domain.isEmpty {
            switch node.opType {
            case "Cast":
                if case .int(let to)? = node.attributes["to"], let out = node.outputs.first { types[out] = to }
            case "Identity":
                if let source = node.inputs.first, let code = types[source], let out = node.outputs.first {
                    types[out] = code
                }
            default:
                guard let z = zeroPointInput[node.opType], node.attributes["output_dtype"] == nil,
                    node.inputs.count > z, !node.inputs[z].isEmpty, let code = types[node.inputs[z]]
                else { continue }
                result[i].attributes["output_dtype"] = .int(code)
            }
        }
        return result
    }
}
