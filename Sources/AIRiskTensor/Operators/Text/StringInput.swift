/// Input 0 of StringNormalizer and Tokenizer, which must be a tensor of strings.
enum StringInput {
    /// The tensor and its strings; throws naming the node when the input is missing or not strings.
    static func read(_ inputs: [Tensor?], _ ctx: KernelContext) throws -> (tensor: Tensor, values: [String]) {
        let x = try ctx.input(inputs, 0)
        guard case .string(let values) = x.storage else {
            throw ctx.inputError(0, "is a \(x.elementTypeName) tensor; expected strings")
        }
        return (x, values)
    }
}
