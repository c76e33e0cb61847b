/// ONNX ConstantOfShape: a tensor of the shape given by the input, filled with `value` (float 0 by default).
struct ConstantOfShapeKernel: ForwardOnlyKernel {
    static let opType = "ConstantOfShape"
    let ctx: KernelContext
    let fill: Tensor

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        if case .tensor(let t)? = node.attributes["value"] {
            guard t.count == 1 else { throw ctx.attributeError("value", "must hold exactly one element") }
            fill = t
        } else if node.attributes["value"] != nil {
            throw ctx.attributeError("value", "must be a one-element tensor")
        } else {
            fill = Tensor(scalar: 0)
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let shape = try ctx.intValues(inputs, 0)
        guard let n = Shape.checkedCount(shape) else {
            throw ctx.inputError(0, "is not a valid shape (negative, or its size overflows): \(shape)")
        }
        try ctx.checkOutput(shape, fill.elementKind)
        let storage: Tensor.Storage
        switch fill.storage {
        case .float(let v): storage = .float([Float](repeating: v[0], count: n))
        case .double(let v): storage = .double([Double](repeating: v[0], count: n))
        case .int64(let v): storage = .int64([Int64](repeating: v[0], count: n))
        case .bool(let v): storage = .bool([Bool](repeating: v[0], count: n))
        case .string(let v): storage = .string([String](repeating: v[0], count: n))
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: storage)])
    }
}
