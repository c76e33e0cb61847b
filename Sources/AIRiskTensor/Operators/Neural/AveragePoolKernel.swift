/// ONNX AveragePool (opsets 1–22): 1-D to 3-D average pooling with pads, strides, dilations,
/// ceil_mode, auto_pad and count_include_pad. The backward pass spreads each output gradient
/// evenly over its window.
struct AveragePoolKernel: Kernel {
    static let opType = "AveragePool"

    private let pooling: PoolingWindow
    private let countIncludePad: Bool

    private var context: NeuralNodeContext { pooling.context }

    init(node: Node, opset: Int) throws {
        pooling = try PoolingWindow(node)
        let context = pooling.context
        countIncludePad = try context.flag("count_include_pad")
    }

    /// The window table and the reciprocal divisor of every output position.
    private func layout(_ x: PoolingInput) throws -> (plan: SpatialPlan, table: PoolWindowTable, scale: [Float]) {
        let (plan, table) = try pooling.table(x)
        let scale = (0..<plan.outputSize).map { o -> Float in
            let n = countIncludePad ? Int(table.paddedCounts[o]) : table.starts[o + 1] - table.starts[o]
            return n > 0 ? 1 / Float(n) : 0
        }
        return (plan, table, scale)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try PoolingInput(context, inputs)
        let (plan, table, scale) = try layout(x)
        let inSize = plan.inputSize, outSize = plan.outputSize
        var y = [Float](repeating: 0, count: x.planes * outSize)
        x.values.withUnsafeBufferPointer { xp in
            table.indices.withUnsafeBufferPointer { ip in
                table.starts.withUnsafeBufferPointer { sp in
                    scale.withUnsafeBufferPointer { cp in
                        y.withUnsafeMutableBufferPointer { yp in
                            for plane in 0..<x.planes {
                                let src = xp.baseAddress! + plane * inSize
                                for o in 0..<outSize {
                                    var sum: Float = 0
                                    for j in sp[o]..<sp[o + 1] { sum += src[Int(ip[j])] }
                                    yp[plane * outSize + o] = sum * cp[o]
                                }
                            }
                        }
                    }
                }
            }
        }
        let shape = Array(x.shape[0..<2]) + plan.outputSpatial
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let x = try PoolingInput(context, inputs)
        guard let dyTensor = outputGradients.first ?? nil else { return [nil] }
        let (plan, table, scale) = try layout(x)
        let inSize = plan.inputSize, outSize = plan.outputSize
        guard let dy = dyTensor.floats, dy.count == x.planes * outSize else {
            throw context.inputError(0, "received an output gradient of shape \(dyTensor.shape)")
        }
        var dx = [Float](repeating: 0, count: x.values.count)
        dx.withUnsafeMutableBufferPointer { dxp in
            table.indices.withUnsafeBufferPointer { ip in
                table.starts.withUnsafeBufferPointer { sp in
                    dy.withUnsafeBufferPointer { gp in
                        for plane in 0..<x.planes {
                            let dst = dxp.baseAddress! + plane * inSize
                            for o in 0..<outSize {
                                let g = gp[plane * outSize + o] * scale[o]
                                for j in sp[o]..<sp[o + 1] { dst[Int(ip[j])] += g }
                            }
                        }
                    }
                }
            }
        }
        return [Tensor(shape: x.shape, scalars: dx)]
    }
}
