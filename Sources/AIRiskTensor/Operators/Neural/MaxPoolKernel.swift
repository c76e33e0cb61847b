/// ONNX MaxPool (opsets 1–22): 1-D to 3-D max pooling with pads, strides, dilations, ceil_mode
/// and auto_pad, and the optional Indices output (flat indices into the input, row-major or,
/// with storage_order 1, column-major within each plane). The backward pass routes each output
/// gradient to the input element that won its window.
struct MaxPoolKernel: Kernel {
    static let opType = "MaxPool"

    let pooling: PoolingWindow
    private let columnMajorIndices: Bool

    var context: NeuralNodeContext { pooling.context }

    init(node: Node, opset: Int) throws {
        pooling = try PoolingWindow(node)
        let context = pooling.context
        let order = try context.int("storage_order", default: 0)
        guard order == 0 || order == 1 else {
            throw context.attributeError("storage_order", "must be 0 (row-major) or 1 (column-major), got \(order)")
        }
        columnMajorIndices = order == 1
    }

    /// The winning input index (within its plane) of every output, -1 for an empty window.
    private struct Saved: Sendable {
        let winners: [Int32]
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        if let x = inputs.first ?? nil, case .int64(let v) = x.storage {
            // int8 / uint8 (opset 12): exact in float32, so pooled there and returned as integers.
            guard v.allSatisfy({ $0.magnitude <= 1 << 24 }) else {
                throw context.inputError(0, "holds integers beyond ±2^24, which MaxPool (int8 / uint8) does not take")
            }
            var floatInputs = inputs
            floatInputs[0] = Tensor(shape: x.shape, scalars: v.map { Float($0) })
            var result = try forward(floatInputs)
            let pooled = result.outputs[0].floats ?? []
            result.outputs[0] = Tensor(
                shape: result.outputs[0].shape, int64: pooled.map { $0.isFinite ? Int64($0) : 0 })
            return result
        }
        let x = try PoolingInput(context, inputs)
        let (plan, table) = try pooling.table(x)
        let inSize = plan.inputSize, outSize = plan.outputSize
        let y = FloatScratch(count: x.planes * outSize)
        var winners = [Int32](repeating: -1, count: x.planes * outSize)
        x.values.withUnsafeBufferPointer { xp in
            table.indices.withUnsafeBufferPointer { ip in
                table.starts.withUnsafeBufferPointer { sp in
                    winners.withUnsafeMutableBufferPointer { wp in
                        for plane in 0..<x.planes {
                            let src = xp.baseAddress! + plane * inSize
                            let out = plane * outSize
                            for o in 0..<outSize {
                                let first = sp[o], end = sp[o + 1]
                                var best = -Float.infinity
                                var winner: Int32 = -1
                                if first < end {
                                    winner = ip[first]
                                    best = src[Int(winner)]
                                    var j = first &+ 1
                                    while j < end {
                                        let index = ip[j]
                                        let v = src[Int(index)]
                                        winner = v > best ? index : winner
                                        best = v > best ? v : best
                                        j &+= 1
                                    }
                                }
                                y.pointer[out + o] = best
                                wp[out + o] = winner
                            }
                        }
                    }
                }
            }
        }
        let shape = Array(x.shape[0..<2]) + plan.outputSpatial
        var outputs = [Tensor(shape: shape, scalars: y.array)]
        if context.outputCount > 1 {
            outputs.append(Tensor(shape: shape, int64: indices(winners, plan: plan, outSize: outSize)))
        }
        return KernelOutput(outputs: outputs, saved: Saved(winners: winners))
    }

    /// ONNX Indices: flat positions in the whole input tensor.
    private func indices(_ winners: [Int32], plan: SpatialPlan, outSize: Int) -> [Int64] {
        let inSize = plan.inputSize
        let (d, h, w) = (plan.input[0], plan.input[1], plan.input[2])
        return winners.indices.map { k in
            let plane = k / outSize
            var within = Int(winners[k])
            if columnMajorIndices && within >= 0 {
                let iw = within % w, ih = (within / w) % h, id = within / (w * h)
                within = plan.rank == 3 ? (id + d * (ih + h * iw)) : plan.rank == 2 ? (ih + h * iw) : iw
            }
            return Int64(plane * inSize + within)
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let x = try PoolingInput(context, inputs)
        guard let dyTensor = outputGradients.first ?? nil else { return [nil] }
        guard let saved = forward.saved as? Saved, let dy = dyTensor.floats, dy.count == saved.winners.count else {
            throw context.inputError(0, "backward needs this kernel's own forward result and a matching gradient")
        }
        let inSize = x.values.count / max(1, x.planes)
        let outSize = dy.count / max(1, x.planes)
        var dx = [Float](repeating: 0, count: x.values.count)
        dx.withUnsafeMutableBufferPointer { dxp in
            dy.withUnsafeBufferPointer { gp in
                saved.winners.withUnsafeBufferPointer { wp in
                    for plane in 0..<x.planes {
                        let base = plane * inSize
                        for o in 0..<outSize {
                            let winner = wp[plane * outSize + o]
                            if winner >= 0 { dxp[base + Int(winner)] += gp[plane * outSize + o] }
                        }
                    }
                }
            }
        }
        return [Tensor(shape: x.shape, scalars: dx)]
    }
}

extension MaxPoolKernel: TapeFreeForward {
    /// Without a tape no winners are recorded, and 1-D and 2-D windows that lie wholly inside the input
    /// (no padding, no dilation: LeNet's and VGG's 2×2 pools) read the rows directly instead of through the window
    /// table. The maximum is taken in the table's order with the same comparison, so the values are identical.
    func forwardWithoutTape(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard context.outputCount == 1, let first = inputs.first ?? nil, case .float = first.storage else {
            return try forward(inputs)
        }
        let x = try PoolingInput(context, inputs)
        let plan = try pooling.window.plan(
            inputSpatial: x.spatial, kernel: pooling.window.kernelShape ?? [], planes: x.planes)
        let inside = (1...2).allSatisfy { a in
            plan.dilation[a] == 1 && plan.padBegin[a] == 0 && plan.padEnd[a] == 0
                && (plan.output[a] - 1) * plan.stride[a] + plan.kernel[a] <= plan.input[a]
        }
        guard inside, plan.kernel[0] == 1, plan.stride[0] == 1, plan.kernelSize > 0 else { return try forward(inputs) }
        let (h, w) = (plan.input[1], plan.input[2])
        let (outH, outW) = (plan.output[1], plan.output[2])
        let (kh, kw, sh, sw) = (plan.kernel[1], plan.kernel[2], plan.stride[1], plan.stride[2])
        let rows = x.planes * plan.input[0]
        let count = rows * outH * outW
        // The window's positions relative to its first, in the table's (row-major) order.
        var offsets: [Int] = []
        for i in 0..<kh { for j in 0..<kw { offsets.append(i * w + j) } }
        let y = [Float](unsafeUninitializedCapacity: count) { yp, initialized in
            guard let out = yp.baseAddress else { return }
            x.values.withUnsafeBufferPointer { xp in
                offsets.withUnsafeBufferPointer { op in
                    guard let src = xp.baseAddress, let offset = op.baseAddress else { return }
                    let window = op.count
                    let pairs = kh == 2 && kw == 2 && sh == 2 && sw == 2
                    for r in 0..<rows {
                        for oh in 0..<outH {
                            let line = out + (r &* outH &+ oh) &* outW
                            var p = src + (r &* h &+ oh &* sh) &* w
                            var ow = 0
                            if pairs {
                                // 2×2 windows at stride 2, eight outputs at a time, in the same order.
                                while 2 &* ow &+ 16 <= w {
                                    let top = UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
                                    let bottom = UnsafeRawPointer(p + w).loadUnaligned(as: SIMD16<Float>.self)
                                    var best = top.evenHalf
                                    best.replace(with: top.oddHalf, where: top.oddHalf .> best)
                                    best.replace(with: bottom.evenHalf, where: bottom.evenHalf .> best)
                                    best.replace(with: bottom.oddHalf, where: bottom.oddHalf .> best)
                                    UnsafeMutableRawPointer(line + ow).storeBytes(of: best, as: SIMD8<Float>.self)
                                    ow &+= 8
                                    p += 16
                                }
                            }
                            while ow < outW {
                                var best = p[0]
                                var t = 1
                                while t < window {
                                    let v = p[offset[t]]
                                    best = v > best ? v : best
                                    t &+= 1
                                }
                                line[ow] = best
                                p += sw
                                ow &+= 1
                            }
                        }
                    }
                }
            }
            initialized = count
        }
        return KernelOutput(outputs: [Tensor(shape: Array(x.shape[0..<2]) + plan.outputSpatial, scalars: y)])
    }
}
