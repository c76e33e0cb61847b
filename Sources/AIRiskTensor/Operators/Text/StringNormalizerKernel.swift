/// ai.onnx StringNormalizer (opset 10): removes the `stopwords` from a string tensor of shape `[C]`
/// or `[1, C]` (case-insensitively unless `is_case_sensitive` is 1), then changes case per
/// `case_change_action` (LOWER, UPPER or NONE). As in onnxruntime, a case-insensitive comparison
/// folds to upper case when the action is UPPER and to lower case otherwise, and an output with
/// every string removed is a single empty string (`[1]` or `[1, 1]`). Not differentiable.
struct StringNormalizerKernel: ForwardOnlyKernel {
    static let opType = "StringNormalizer"

    let ctx: KernelContext
    let action: TextCase
    let caseSensitive: Bool
    /// The comparison case of the stop words (folded when comparing case-insensitively).
    let compareCase: TextCase
    let stopwords: Set<String>

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        let a = MLAttributes(node: node)
        let actionName = try a.string("case_change_action", default: "NONE")
        guard let action = TextCase(rawValue: actionName) else {
            throw ctx.attributeError("case_change_action", "is '\(actionName)'; expected LOWER, UPPER or NONE")
        }
        self.action = action
        caseSensitive = try a.flag("is_case_sensitive")
        compareCase = caseSensitive ? .none : (action == .upper ? .upper : .lower)
        var words: Set<String> = []
        for w in try a.strings("stopwords") ?? [] {
            guard !w.isEmpty else {
                throw ctx.attributeError("stopwords", "contains an empty string")
            }
            words.insert(compareCase.apply(w))
        }
        stopwords = words
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, values) = try StringInput.read(inputs, ctx)
        let twoDimensional: Bool
        switch x.shape.count {
        case 1 where x.shape[0] > 0: twoDimensional = false
        case 2 where x.shape[0] == 1 && x.shape[1] > 0: twoDimensional = true
        default:
            throw ctx.inputError(0, "has shape \(x.shape); expected [C] or [1, C] with C > 0")
        }
        var kept: [String] = []
        kept.reserveCapacity(values.count)
        for s in values {
            if stopwords.isEmpty {
                kept.append(action.apply(s))
                continue
            }
            let folded = compareCase.apply(s)
            guard !stopwords.contains(folded) else { continue }
            if caseSensitive || action == .none {
                kept.append(action.apply(s))
            } else {
                kept.append(folded)
            }
        }
        if kept.isEmpty { kept = [""] }
        let shape = twoDimensional ? [1, kept.count] : [kept.count]
        return KernelOutput(outputs: [Tensor(shape: shape, storage: .string(kept))])
    }
}
