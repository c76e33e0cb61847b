/// A node's identity and attributes as the neural kernels read them: typed attribute access
/// with defaults, and error constructors that name the operator and node.
struct NeuralNodeContext: Sendable {
    let opType: String
    let nodeName: String
    let inputNames: [String]
    let outputNames: [String]
    private let attributes: [String: AttributeValue]

    init(_ node: Node) {
        opType = node.opType
        nodeName = node.name
        inputNames = node.inputs
        outputNames = node.outputs
        attributes = node.attributes
    }

    func has(_ name: String) -> Bool { attributes[name] != nil }

    func int(_ name: String, default value: Int) throws -> Int {
        guard let attribute = attributes[name] else { return value }
        guard case .int(let v) = attribute else { throw attributeError(name, "must be an integer") }
        return Int(v)
    }

    func float(_ name: String, default value: Float) throws -> Float {
        guard let attribute = attributes[name] else { return value }
        switch attribute {
        case .float(let v): return v
        case .int(let v): return Float(v)
        default: throw attributeError(name, "must be a float")
        }
    }

    func floatIfPresent(_ name: String) throws -> Float? {
        has(name) ? try float(name, default: 0) : nil
    }

    func ints(_ name: String) throws -> [Int]? {
        guard let attribute = attributes[name] else { return nil }
        switch attribute {
        case .ints(let v): return v.map { Int($0) }
        case .int(let v): return [Int(v)]
        default: throw attributeError(name, "must be a list of integers")
        }
    }

    func floats(_ name: String) throws -> [Float]? {
        guard let attribute = attributes[name] else { return nil }
        switch attribute {
        case .floats(let v): return v
        case .float(let v): return [v]
        default: throw attributeError(name, "must be a list of floats")
        }
    }

    func string(_ name: String, default value: String) throws -> String {
        guard let attribute = attributes[name] else { return value }
        guard case .string(let v) = attribute else { throw attributeError(name, "must be a string") }
        return v
    }

    func strings(_ name: String) throws -> [String]? {
        guard let attribute = attributes[name] else { return nil }
        switch attribute {
        case .strings(let v): return v
        case .string(let v): return [v]
        default: throw attributeError(name, "must be a list of strings")
        }
    }

    /// Whether output `index` is requested by the node (present and not the empty name).
    func wantsOutput(_ index: Int) -> Bool {
        index < outputNames.count && !outputNames[index].isEmpty
    }

    /// How many outputs the kernel must return: one per declared output name (at least one).
    var outputCount: Int { max(1, outputNames.count) }

    func inputName(_ index: Int) -> String {
        index < inputNames.count && !inputNames[index].isEmpty ? inputNames[index] : "#\(index)"
    }

    func attributeError(_ name: String, _ reason: String) -> NeuralKernelError {
        .invalidAttribute(opType: opType, node: nodeName, attribute: name, reason: reason)
    }

    func unsupported(_ feature: String) -> NeuralKernelError {
        .unsupported(opType: opType, node: nodeName, feature: feature)
    }

    func tooLarge(_ what: String) -> NeuralKernelError {
        .outputTooLarge(opType: opType, node: nodeName, what: what, limit: TensorBudget.maxBytes)
    }

    func inputError(_ index: Int, _ reason: String) -> NeuralKernelError {
        .invalidInput(opType: opType, node: nodeName, input: inputName(index), reason: reason)
    }

    /// Input `index` as Float32 elements with its shape; throws when absent or not float.
    func floatInput(_ inputs: [Tensor?], _ index: Int) throws -> (shape: [Int], values: [Float]) {
        guard index < inputs.count, let tensor = inputs[index] else { throw inputError(index, "is required") }
        guard let values = tensor.floats else {
            throw inputError(index, "must be float32, got \(tensor.elementTypeName)")
        }
        return (tensor.shape, values)
    }

    /// Optional input `index` as Float32 elements, nil when absent.
    func optionalFloatInput(_ inputs: [Tensor?], _ index: Int) throws -> (shape: [Int], values: [Float])? {
        guard index < inputs.count, inputs[index] != nil else { return nil }
        return try floatInput(inputs, index)
    }
}
