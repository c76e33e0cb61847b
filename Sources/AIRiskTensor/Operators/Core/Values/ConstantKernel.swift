/// ONNX Constant: one of value, value_float(s), value_int(s), value_string(s).
struct ConstantKernel: ForwardOnlyKernel {
    static let opType = "Constant"
    let value: Tensor

    init(node: Node, opset: Int) throws {
        let ctx = KernelContext(node)
        guard
            let (key, attribute) = node.attributes.first(where: {
                $0.key.hasPrefix("value") || $0.key == "sparse_value"
            })
        else {
            throw ctx.attributeError(
                "value", "is required (one of value, value_float(s), value_int(s), value_string(s))")
        }
        switch (key, attribute) {
        case ("value", .tensor(let t)): value = t
        case ("value_float", .float(let f)): value = Tensor(scalar: f)
        case ("value_floats", .floats(let v)): value = Tensor(vector: v)
        case ("value_int", .int(let i)): value = Tensor(int64Scalar: i)
        case ("value_ints", .ints(let v)): value = Tensor(int64Vector: v)
        case ("value_string", .string(let s)): value = Tensor(shape: [], storage: .string([s]))
        case ("value_strings", .strings(let v)): value = Tensor(shape: [v.count], storage: .string(v))
        default: throw ctx.attributeError(key, "is not supported or has the wrong type")
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput { KernelOutput(outputs: [value]) }
}
