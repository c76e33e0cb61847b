/// ONNX ReduceSum and ReduceMean: axes from the attribute or (ReduceSum from opset 13, ReduceMean
/// from 18) the second input; `keepdims` (default 1) and `noop_with_empty_axes` (default 0).
struct ReduceKernel<Mode: ReduceMode>: ReduceAxesKernel {
    typealias Operator = Mode
    let ctx: KernelContext
    let reduce: ReduceAxes

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        guard let axes = try reduce.axes(ctx, inputs, rank: x.rank) else { return KernelOutput(outputs: [x]) }
        let (out, kept) = reduce.shapes(x.shape, axes)
        let reducedCount = axes.reduce(1) { $0 * x.shape[$1] }
        switch x.storage {
        case .float(let v):
            var r = Broadcast.reduce(v, from: x.shape, to: kept)
            if Mode.isMean {
                let scale = 1 / Float(max(reducedCount, 1))
                for i in r.indices { r[i] *= scale }
                if reducedCount == 0 { for i in r.indices { r[i] = .nan } }
            }
            return KernelOutput(outputs: [Tensor(shape: out, storage: .float(r))])
        case .double(let v):
            let s = Broadcast.alignedStrides(kept, to: x.shape)
            var r = [Double](repeating: 0, count: Shape.count(kept))
            for (i, j) in IndexMap.strided(shape: x.shape, base: 0, strides: s).enumerated() { r[j] += v[i] }
            if Mode.isMean {
                let n = Double(max(reducedCount, 1))
                for i in r.indices { r[i] /= n }
                if reducedCount == 0 { for i in r.indices { r[i] = .nan } }
            }
            return KernelOutput(outputs: [Tensor(shape: out, storage: .double(r))])
        case .int64(let v):
            let s = Broadcast.alignedStrides(kept, to: x.shape)
            var r = [Int64](repeating: 0, count: Shape.count(kept))
            let m = IndexMap.strided(shape: x.shape, base: 0, strides: s)
            for (i, j) in m.enumerated() { r[j] = r[j] &+ v[i] }
            if Mode.isMean { for i in r.indices { r[i] /= Int64(max(reducedCount, 1)) } }
            return KernelOutput(outputs: [Tensor(shape: out, storage: .int64(r))])
        default:
            throw ctx.inputError(0, "must be a numeric tensor, got \(x.elementTypeName)")
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, var gv = g.floats, let x = inputs.first ?? nil else {
            return [nil, nil]
        }
        guard let axes = try reduce.axes(ctx, inputs, rank: x.rank) else { return [g, nil] }
        let (_, kept) = reduce.shapes(x.shape, axes)
        if Mode.isMean {
            let scale = 1 / Float(max(axes.reduce(1) { $0 * x.shape[$1] }, 1))
            for i in gv.indices { gv[i] *= scale }
        }
        return [Tensor(shape: x.shape, storage: .float(Broadcast.expand(gv, from: kept, to: x.shape))), nil]
    }
}
