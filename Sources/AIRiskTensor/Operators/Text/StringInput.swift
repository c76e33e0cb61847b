/// Input 0 of StringNormalizer and Tokenizer, which must be a tensor of strings.
enum StringInput {
    /// The tensor and its strings; throws naming the node when the input is missing or not strings.
    static func read(_ inputs: [Tensor?], node: Node) throws -> (tensor: Tensor, values: [String]) {
        guard let x = inputs.first ?? nil else {
            throw OperatorError.missingInput(node: node.name, opType: node.opType, index: 0)
        }
        guard case .string(let values) = x.storage else {
            throw OperatorError.invalidInput(
                node: node.name, opType: node.opType, index: 0,
                reason: "is a \(x.elementTypeName) tensor; expected strings")
        }
        return (x, values)
    }
}
