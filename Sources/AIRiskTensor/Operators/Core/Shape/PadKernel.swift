/// ONNX Pad (opset 11+: `pads` and optional `constant_value` and `axes` inputs; earlier: attributes)
/// with `mode` constant, reflect or edge; negative pads crop. Differentiable with respect to the data
/// (the gradient of each output element goes to the input element it came from).
struct PadKernel: Kernel {
    static let opType = "Pad"
    let ctx: KernelContext
    let mode: String
    let padsAttribute: [Int]?
    let valueAttribute: Float

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        mode = try ctx.string("mode") ?? "constant"
        guard ["constant", "reflect", "edge"].contains(mode) else {
            throw ctx.attributeError("mode", "is '\(mode)'; expected constant, reflect or edge")
        }
        padsAttribute = opset < 11 ? try ctx.ints("pads") : nil
        valueAttribute = try ctx.float("value", default: 0)
    }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    /// Output shape and, per output element, the input offset (-1 for the constant).
    func plan(_ inputs: [Tensor?]) throws -> (Tensor, [Int], [Int]) {
        let x = try ctx.input(inputs, 0)
        let r = x.rank
        var pads = [Int](repeating: 0, count: 2 * r)
        let given = try padsAttribute ?? ctx.intValues(inputs, 1)
        let axes = try ctx.optionalIntValues(inputs, 3).map { try $0.map { try ctx.axis($0, rank: r) } } ?? Array(0..<r)
        guard given.count == 2 * axes.count else {
            throw ctx.fail("pads has \(given.count) values for \(axes.count) axes")
        }
        for (i, a) in axes.enumerated() {
            pads[a] = given[i]
            pads[a + r] = given[i + axes.count]
        }
        var shape: [Int] = []
        for d in 0..<r {
            let n = x.shape[d] + pads[d] + pads[d + r]
            guard n >= 0 else { throw ctx.fail("pads \(given) crop more than dimension \(d) holds") }
            shape.append(n)
        }
        guard Shape.checkedCount(shape) != nil else { throw ctx.fail("padded shape \(shape) is too large") }
        try ctx.checkOutput(shape, .int64)
        let strides = Shape.strides(x.shape)
        let outStrides = Shape.strides(shape)
        let n = Shape.count(shape)
        var map = [Int](repeating: 0, count: n)
        for e in 0..<n {
            var rest = e
            var src = 0
            for d in 0..<r {
                var c = rest / outStrides[d] - pads[d]
                rest %= outStrides[d]
                let size = x.shape[d]
                if c < 0 || c >= size {
                    switch mode {
                    case "edge": c = c < 0 ? 0 : size - 1
                    case "reflect":
                        guard size > 1 else {
                            c = 0
                            break
                        }
                        let period = 2 * (size - 1)
                        c = ((c % period) + period) % period
                        if c >= size { c = period - c }
                    default: c = -1
                    }
                }
                if c < 0 || size == 0 {
                    src = -1
                    break
                }
                src += c * strides[d]
            }
            map[e] = src
        }
        return (x, shape, map)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, shape, map) = try plan(inputs)
        let constant = ctx.optionalInput(inputs, 2)
        let fill: Tensor.Storage
        switch x.storage {
        case .float: fill = .float([(try constant.flatMap { try $0.asFloats().first }) ?? valueAttribute])
        case .double: fill = .double([(try constant.flatMap { try $0.asDoubles().first }) ?? Double(valueAttribute)])
        case .int64: fill = .int64([(try constant.flatMap { try $0.asInt64s().first }) ?? Int64(valueAttribute)])
        case .bool: fill = .bool([(try constant.flatMap { try $0.asBools().first }) ?? false])
        case .string: throw ctx.inputError(0, "must not be a string tensor")
        }
        guard let joined = Tensor.Storage.joined([x.storage, fill]) else { throw ctx.fail("cannot pad") }
        let full = map.map { $0 < 0 ? x.count : $0 }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: joined.gathered(full))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil, nil, nil] }
        let (x, _, map) = try plan(inputs)
        var dx = [Float](repeating: 0, count: x.count)
        for (i, j) in map.enumerated() where j >= 0 { dx[j] += gv[i] }
        return [Tensor(shape: x.shape, scalars: dx), nil, nil, nil]
    }
}
