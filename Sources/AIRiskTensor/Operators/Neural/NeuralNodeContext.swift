/// A node's identity and attributes as the neural kernels read them: typed attribute access
/// (``NodeAttributes``), and error constructors that name the operator and node.
struct NeuralNodeContext: NodeAttributes, Sendable {
    let opType: String
    let nodeName: String
    let inputNames: [String]
    let outputNames: [String]
    let attributes: [String: AttributeValue]

    init(_ node: Node) {
        opType = node.opType
        nodeName = node.name
        inputNames = node.inputs
        outputNames = node.outputs
        attributes = node.attributes
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
