/// ai.onnx.ml OneHotEncoder: each element becomes a row of `cats_int64s.count` (or
/// `cats_strings.count`) floats with a 1 at its category's position. Numbers are truncated to
/// integers first, as onnxruntime does. An unknown category gives a row of zeros when `zeros` is 1
/// (the default) and an error otherwise. The output shape is X's shape plus the category axis.
struct OneHotEncoderKernel: ClassicalMLKernel, ForwardOnlyKernel {
    static let opType = "OneHotEncoder"

    let node: Node
    let intCategories: [Int64: Int]
    let stringCategories: [String: Int]
    let categoryCount: Int
    let zeros: Bool

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        let ints = try a.int64s("cats_int64s") ?? []
        let strings = try a.strings("cats_strings") ?? []
        guard ints.isEmpty != strings.isEmpty else {
            throw a.invalid("cats_int64s", "and cats_strings: exactly one must be set")
        }
        var i: [Int64: Int] = [:]
        for (k, v) in ints.enumerated() where i[v] == nil { i[v] = k }
        var s: [String: Int] = [:]
        for (k, v) in strings.enumerated() where s[v] == nil { s[v] = k }
        intCategories = i
        stringCategories = s
        categoryCount = max(ints.count, strings.count)
        zeros = try a.flag("zeros", default: true)
    }

    /// X's shape plus the category axis; nil when the element count overflows.
    static func outputShape(input: [Int], categories: Int) -> [Int]? {
        let shape = input + [categories]
        return Shape.checkedCount(shape) == nil ? nil : shape
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard let x = inputs.first ?? nil else {
            throw inputError("input X is missing")
        }
        guard let shape = Self.outputShape(input: x.shape, categories: categoryCount) else {
            throw inputError("output for input shape \(x.shape) is too large")
        }
        let positions: [Int?]
        var shown: [String] = []
        switch x.storage {
        case .string(let v):
            guard !stringCategories.isEmpty else { throw wrongType(x) }
            positions = v.map { stringCategories[$0] }
            shown = v
        case .int64(let v):
            guard !intCategories.isEmpty else { throw wrongType(x) }
            positions = v.map { intCategories[$0] }
            shown = v.map { String($0) }
        case .float(let v):
            guard !intCategories.isEmpty else { throw wrongType(x) }
            positions = v.map { intCategories[Tensor.truncatingInt64($0)] }
            shown = v.map { String($0) }
        case .double(let v):
            guard !intCategories.isEmpty else { throw wrongType(x) }
            positions = v.map { intCategories[Tensor.truncatingInt64($0)] }
            shown = v.map { String($0) }
        case .bool:
            throw wrongType(x)
        }
        var y = [Float](repeating: 0, count: Shape.count(shape))
        for (i, p) in positions.enumerated() {
            if let p {
                y[i * categoryCount + p] = 1
            } else if !zeros {
                throw inputError("value '\(shown[i])' is not a known category and attribute zeros is 0")
            }
        }
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }

    func wrongType(_ x: Tensor) -> ClassicalMLError {
        inputError(
            "input X is a \(x.elementTypeName) tensor but the categories are "
                + (stringCategories.isEmpty ? "integers" : "strings"))
    }
}
