/// ONNX ScatterND (opsets 11–18): a copy of `data` with the slices addressed by the last axis of `indices`
/// replaced by (or, with `reduction` add / mul / max / min, combined with) `updates`. Negative indices count
/// from the end; an index out of range is refused. Not differentiable.
struct ScatterNDKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "ScatterND"
    @NodeContext var ctx
    @Attribute var reduction = ScatterReduction.replace

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let data = try ctx.input(inputs, 0)
        let indices = try ctx.input(inputs, 1)
        let idx = try ctx.intValues(inputs, 1)
        let updates = try ctx.input(inputs, 2)
        guard let k = indices.shape.last, indices.rank >= 1, k <= data.rank else {
            throw ctx.inputError(1, "must have a last axis no longer than the data's rank \(data.rank)")
        }
        let batch = Array(indices.shape.dropLast())
        let sliceShape = Array(data.shape[k...])
        guard updates.shape == batch + sliceShape else {
            throw ctx.inputError(2, "has shape \(updates.shape), expected \(batch + sliceShape)")
        }
        let sliceSize = sliceShape.reduce(1, *)
        let strides = Shape.strides(data.shape)
        let count = batch.reduce(1, *)
        var offsets: [Int] = []
        offsets.reserveCapacity(count)
        for b in 0..<count {
            var offset = 0
            for d in 0..<k {
                var i = idx[b * k + d]
                if i < 0 { i += data.shape[d] }
                guard i >= 0 && i < data.shape[d] else {
                    throw ctx.inputError(
                        1, "index \(idx[b * k + d]) is out of range for axis \(d) of size \(data.shape[d])")
                }
                offset += i * strides[d]
            }
            offsets.append(offset)
        }
        func scatter<T>(_ out: inout [T], _ upd: [T], _ combine: (T, T) -> T) {
            for (b, offset) in offsets.enumerated() {
                for j in 0..<sliceSize { out[offset + j] = combine(out[offset + j], upd[b * sliceSize + j]) }
            }
        }
        switch (data.storage, updates.storage) {
        case (.float(var out), .float(let upd)):
            switch reduction {
            case .add: scatter(&out, upd, +)
            case .mul: scatter(&out, upd, *)
            case .max: scatter(&out, upd) { Swift.max($0, $1) }
            case .min: scatter(&out, upd) { Swift.min($0, $1) }
            case .replace: scatter(&out, upd) { $1 }
            }
            return KernelOutput(outputs: [Tensor(shape: data.shape, storage: .float(out))])
        case (.int64(var out), .int64(let upd)):
            switch reduction {
            case .add: scatter(&out, upd, &+)
            case .mul: scatter(&out, upd, &*)
            case .max: scatter(&out, upd) { Swift.max($0, $1) }
            case .min: scatter(&out, upd) { Swift.min($0, $1) }
            case .replace: scatter(&out, upd) { $1 }
            }
            return KernelOutput(outputs: [Tensor(shape: data.shape, storage: .int64(out))])
        case (.bool(var out), .bool(let upd)) where reduction == .replace:
            scatter(&out, upd) { $1 }
            return KernelOutput(outputs: [Tensor(shape: data.shape, storage: .bool(out))])
        case (.string(var out), .string(let upd)) where reduction == .replace:
            scatter(&out, upd) { $1 }
            return KernelOutput(outputs: [Tensor(shape: data.shape, storage: .string(out))])
        default:
            throw ctx.inputError(
                2,
                "has type \(updates.elementTypeName), which does not fit data of type \(data.elementTypeName) "
                    + "with reduction \(reduction.rawValue)")
        }
    }
}
