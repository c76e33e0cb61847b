/// ONNX Where: elementwise `condition ? X : Y` with broadcasting of all three inputs.
struct WhereKernel: ContextKernel {
    static let opType = "Where"
    let ctx: KernelContext

    func passesGradient(fromInput index: Int) -> Bool { index == 1 || index == 2 }

    /// The output shape and, per output element, the condition and the source index in X or Y.
    func plan(_ inputs: [Tensor?]) throws -> (shape: [Int], cond: [Bool], x: [Int], y: [Int]) {
        let c = try ctx.input(inputs, 0)
        let x = try ctx.input(inputs, 1)
        let y = try ctx.input(inputs, 2)
        guard let cv = try? c.asBools() else { throw ctx.inputError(0, "must be a bool tensor") }
        guard x.elementKind == y.elementKind else {
            throw ctx.fail("X and Y must have one element type, got \(x.elementTypeName) and \(y.elementTypeName)")
        }
        let shape = try ctx.broadcastShape(ctx.broadcastShape(c.shape, x.shape), y.shape)
        // Three index maps of Int are built before the output.
        try ctx.checkOutput(shape, x.elementKind == .string ? .string : .int64)
        func map(_ s: [Int]) -> [Int] {
            IndexMap.strided(shape: shape, base: 0, strides: Broadcast.alignedStrides(s, to: shape))
        }
        let cm = map(c.shape)
        return (shape, cm.map { cv[$0] }, map(x.shape), map(y.shape))
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (shape, cond, xm, ym) = try plan(inputs)
        let x = try ctx.input(inputs, 1)
        let y = try ctx.input(inputs, 2)
        // Gather from X ++ Y: Y's elements follow X's.
        let offset = x.count
        let map = cond.indices.map { cond[$0] ? xm[$0] : offset + ym[$0] }
        guard let joined = Tensor.Storage.joined([x.storage, y.storage]) else {
            throw ctx.fail("X and Y must have one element type")
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: joined.gathered(map))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil, nil] }
        let (_, cond, xm, ym) = try plan(inputs)
        let x = try ctx.input(inputs, 1)
        let y = try ctx.input(inputs, 2)
        var gx = [Float](repeating: 0, count: x.count)
        var gy = [Float](repeating: 0, count: y.count)
        for i in gv.indices {
            if cond[i] { gx[xm[i]] += gv[i] } else { gy[ym[i]] += gv[i] }
        }
        return [nil, Tensor(shape: x.shape, storage: .float(gx)), Tensor(shape: y.shape, storage: .float(gy))]
    }
}
