/// Typed access to an ai.onnx.ml node's attributes (``NodeAttributes``), with errors naming the node.
///
/// Float list attributes also accept their `*_as_tensor` form (ai.onnx.ml opset 3), which carries
/// double-precision values: ``floats(_:)`` rounds them to Float32, ``doubles(_:)`` keeps them (a tree
/// ensemble compares float64 inputs against them in float64, as onnxruntime does).
struct MLAttributes: NodeAttributes {
    let node: Node

    var attributes: [String: AttributeValue] { node.attributes }

    func attributeError(_ key: String, _ reason: String) -> ClassicalMLError { invalid(key, reason) }

    func invalid(_ name: String, _ reason: String) -> ClassicalMLError {
        .invalidAttribute(node: node.name, opType: node.opType, attribute: name, reason: reason)
    }

    func missing(_ name: String) -> ClassicalMLError {
        .missingAttribute(node: node.name, opType: node.opType, attribute: name)
    }

    /// A list of floats, from the `*_as_tensor` form when the node has it.
    func floats(_ name: String) throws -> [Float]? {
        if let tensorForm = node.attributes[name + "_as_tensor"] {
            guard case .tensor(let t) = tensorForm, let values = t.floats ?? t.doubles?.map({ Float($0) }) else {
                throw invalid(name + "_as_tensor", "must be a floating-point tensor")
            }
            return values
        }
        switch node.attributes[name] {
        case nil: return nil
        case .floats(let v)?: return v
        case .float(let v)?: return [v]
        default: throw invalid(name, "must be a list of floats")
        }
    }

    /// A float list attribute that must be present and non-empty.
    func requiredFloats(_ name: String) throws -> [Float] {
        guard let values = try floats(name), !values.isEmpty else { throw missing(name) }
        return values
    }

    /// A float list attribute in float64: the `*_as_tensor` form's doubles as stored, a float list widened.
    func doubles(_ name: String) throws -> [Double]? {
        if case .tensor(let t)? = node.attributes[name + "_as_tensor"], let values = t.doubles { return values }
        return try floats(name)?.map { Double($0) }
    }

    func postTransform() throws -> PostTransform { try choice("post_transform", default: PostTransform.none) }
}
