/// Neg, Exp, Log, Sqrt, Relu, LeakyRelu, Elu, Sigmoid and Tanh.
struct UnaryKernel<F: UnaryFunction>: Kernel {
    static var opType: String { F.opType }
    let ctx: KernelContext
    let f: F

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        f = try F(ctx)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        switch x.storage {
        case .float(let v):
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .float(f.applyAll(v)))])
        case .double(let v):
            guard let g = UnaryDouble.function(F.opType) else {
                throw ctx.inputError(0, "has no float64 path; the executor passes it float32")
            }
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .double(v.map(g)))])
        case .int64(let v) where f.apply(int: 0) != nil:
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .int64(v.map { f.apply(int: $0) ?? 0 }))])
        default:
            throw ctx.inputError(0, "must be a float tensor, got \(x.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil] }
        let (x, xv) = try ctx.floatInput(inputs, 0)
        guard let yv = forward.outputs.first?.floats else { return [nil] }
        guard gv.count == xv.count, yv.count == xv.count else { return [nil] }
        return [Tensor(shape: x.shape, storage: .float(f.gradientAll(gv, xv, yv)))]
    }
}
