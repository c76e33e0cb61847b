import Foundation

/// Add, Sub, Mul, Div and Pow on float and int64 tensors with numpy-style broadcasting.
struct BinaryKernel<Op: BinaryArithmetic>: ContextKernel {
    static var opType: String { Op.opType }
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (a, b, shape) = try ctx.broadcastOperands(inputs)
        try ctx.checkOutput(shape, a.elementKind == .float || b.elementKind == .float ? .float : .int64)
        if let out = try forwardDouble(a, b, shape) {
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .double(out))])
        }
        switch (a.storage, b.storage) {
        case (.float(let x), .float(let y)):
            let out = Op.floats(x, a.shape, y, b.shape, shape)
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .float(out))])
        case (.int64(let x), .int64(let y)):
            let out = Op.ints(x, a.shape, y, b.shape, shape)
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(out))])
        case (.float(let x), .int64) where Op.opType == "Pow":
            let out = Op.floats(x, a.shape, try b.asFloats(), b.shape, shape)
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .float(out))])
        case (.int64(let x), .float(let y)) where Op.opType == "Pow":
            let out = Broadcast.binary(x.map { Double($0) }, a.shape, y.map { Double($0) }, b.shape, outShape: shape) {
                Tensor.truncatingInt64(Float(Foundation.pow($0, $1)))
            }
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(out))])
        default:
            throw ctx.fail(
                "operands must both be float or both be int64, got \(a.elementTypeName) and \(b.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        let (a, av) = try ctx.floatInput(inputs, 0)
        let b = try ctx.input(inputs, 1)
        let bv = try b.asFloats()
        guard let yv = forward.outputs.first?.floats else { return [nil, nil] }
        let shape = g.shape
        let ax = Broadcast.expand(av, from: a.shape, to: shape)
        let bx = Broadcast.expand(bv, from: b.shape, to: shape)
        guard ax.count == gv.count, bx.count == gv.count, yv.count == gv.count else { return [nil, nil] }
        let (ga, gb) = Op.gradientArrays(gv, ax, bx, yv)
        let da = Tensor(shape: a.shape, storage: .float(Broadcast.reduce(ga, from: shape, to: a.shape)))
        let db: Tensor? =
            b.elementKind == .float
            ? Tensor(shape: b.shape, storage: .float(Broadcast.reduce(gb, from: shape, to: b.shape))) : nil
        return [da, db]
    }
}
