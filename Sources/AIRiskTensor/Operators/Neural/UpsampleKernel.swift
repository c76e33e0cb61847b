/// ONNX Upsample (opset 9, deprecated by Resize in 10) in `nearest` mode: each output axis is
/// `floor(in · scale)` long and output index `o` reads input index `min(floor(o / scale), in − 1)`. `linear` mode is
/// refused with an error (its alignment differs between runtimes). Not differentiable.
struct UpsampleKernel: ForwardOnlyKernel {
    static let opType = "Upsample"
    let ctx: KernelContext

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        let mode = try ctx.string("mode") ?? "nearest"
        guard mode == "nearest" else {
            throw ctx.attributeError("mode", "'\(mode)' is not supported; re-export with Resize (opset ≥ 11)")
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let scales = try ctx.floats(try ctx.input(inputs, 1), input: 1)
        guard scales.count == x.rank, scales.allSatisfy({ $0.isFinite && $0 >= 1 }) else {
            throw ctx.inputError(1, "must hold \(x.rank) finite scales ≥ 1, got \(scales)")
        }
        let sizes = zip(x.shape, scales).map { (Double($0) * Double($1)).rounded(.down) }
        guard sizes.allSatisfy({ $0 <= Double(Int32.max) }) else {
            throw ctx.inputError(1, "scales \(scales) make an output axis longer than \(Int32.max)")
        }
        let shape = sizes.map { Int($0) }
        try ctx.checkOutput(shape, x.elementKind)
        let inStrides = Shape.strides(x.shape)
        let outStrides = Shape.strides(shape)
        let count = shape.reduce(1, *)
        var map = [Int](repeating: 0, count: count)
        for o in 0..<count {
            var rest = o
            var source = 0
            for d in shape.indices {
                let i = rest / outStrides[d]
                rest %= outStrides[d]
                let j = Swift.min(Int((Double(i) / Double(scales[d])).rounded(.down)), x.shape[d] - 1)
                source += j * inStrides[d]
            }
            map[o] = source
        }
        let storage: Tensor.Storage =
            switch x.storage {
            case .float(let v): .float(map.map { v[$0] })
            case .double(let v): .double(map.map { v[$0] })
            case .int64(let v): .int64(map.map { v[$0] })
            case .bool(let v): .bool(map.map { v[$0] })
            case .string(let v): .string(map.map { v[$0] })
            }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: storage)])
    }
}
