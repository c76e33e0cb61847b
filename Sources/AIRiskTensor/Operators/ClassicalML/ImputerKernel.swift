/// ai.onnx.ml Imputer: replaces every element equal to `replaced_value_float` (or NaN, when that is
/// NaN, its default being 0) with the imputed value of its column (`imputed_value_floats`, one per
/// column or one for all); the int64 form uses `replaced_value_int64` / `imputed_value_int64s`.
/// Differentiable with respect to X (kept elements pass their gradient, replaced ones get none).
struct ImputerKernel: ClassicalMLKernel {
    static let opType = "Imputer"

    let node: Node
    let imputedFloats: [Float]
    let replacedFloat: Float
    let imputedInts: [Int64]
    let replacedInt: Int64

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        imputedFloats = try a.floats("imputed_value_floats") ?? []
        imputedInts = try a.int64s("imputed_value_int64s") ?? []
        replacedFloat = try a.floats("replaced_value_float")?.first ?? 0
        replacedInt = Int64(try a.int("replaced_value_int64", default: 0))
        if imputedFloats.isEmpty && imputedInts.isEmpty {
            throw a.missing("imputed_value_floats")
        }
    }

    /// The imputed value for each column, repeating a single value.
    func perColumn<T>(_ values: [T], columns: Int, name: String) throws -> [T] {
        if values.count == 1 { return [T](repeating: values[0], count: columns) }
        guard values.count == columns else {
            throw inputError("input X has \(columns) columns but '\(name)' has \(values.count) values")
        }
        return values
    }

    func columns(_ x: Tensor) -> Int {
        x.rank <= 1 ? x.count : (x.shape[0] == 0 ? 0 : x.count / x.shape[0])
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard let x = inputs.first ?? nil else { throw inputError("input X is missing") }
        let c = columns(x)
        switch x.storage {
        case .float(var v):
            let fill = try perColumn(imputedFloats, columns: c, name: "imputed_value_floats")
            for i in v.indices where replaces(v[i]) { v[i] = fill[i % max(c, 1)] }
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .float(v))])
        case .int64(var v):
            let fill = try perColumn(imputedInts, columns: c, name: "imputed_value_int64s")
            for i in v.indices where v[i] == replacedInt { v[i] = fill[i % max(c, 1)] }
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .int64(v))])
        default:
            throw inputError("input X is a \(x.elementTypeName) tensor; expected float or int64")
        }
    }

    func replaces(_ v: Float) -> Bool { replacedFloat.isNaN ? v.isNaN : v == replacedFloat }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let x = inputs.first ?? nil, let xv = x.floats, let g = outputGradients.first??.floats else {
            return [nil]
        }
        return [Tensor(shape: x.shape, scalars: zip(xv, g).map { replaces($0) ? 0 : $1 })]
    }
}
