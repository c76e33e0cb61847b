/// ONNX ReduceSumSquare: ReduceSum of the squared input (axes from the second input from opset
/// 18). Differentiable with respect to the data: the ReduceSum gradient times 2x.
struct ReduceSumSquareKernel: Kernel {
    static let opType = "ReduceSumSquare"
    let ctx: KernelContext
    let sum: ReduceKernel<SumSquareReduction>

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        sum = try ReduceKernel<SumSquareReduction>(node: node, opset: opset)
    }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func squared(_ inputs: [Tensor?]) throws -> [Tensor?] {
        let x = try ctx.input(inputs, 0)
        var rest = inputs
        switch x.storage {
        case .float(let v): rest[0] = Tensor(shape: x.shape, storage: .float(v.map { $0 * $0 }))
        case .int64(let v): rest[0] = Tensor(shape: x.shape, storage: .int64(v.map { $0 &* $0 }))
        default: throw ctx.inputError(0, "must be a numeric tensor, got \(x.elementTypeName)")
        }
        return rest
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput { try sum.forward(squared(inputs)) }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let (_, xv) = try ctx.floatInput(inputs, 0)
        let grads = try sum.backward(inputs: squared(inputs), forward: forward, outputGradients: outputGradients)
        guard let g = grads.first ?? nil, let gv = g.floats, gv.count == xv.count else { return [nil, nil] }
        return [Tensor(shape: g.shape, scalars: zip(gv, xv).map { 2 * $0 * $1 }), nil]
    }
}

enum SumSquareReduction: ReduceMode {
    static let opType = "ReduceSumSquare"
    static let isMean = false
    static let axesInputOpset = 18
}
